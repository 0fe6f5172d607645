using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;
using ScheduledMessages.Application.Abstractions;
using ScheduledMessages.Application.Chats;
using ScheduledMessages.Application.Common;
using ScheduledMessages.Application.ScheduledMessages.Dispatch;
using ScheduledMessages.Domain.Recurrences;
using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Unit.Application.Dispatch;

/// <summary>The round's own decisions around the send, on an in-memory store: the allow-list and a sender that throws.</summary>
public sealed class DispatchDueMessagesHandlerTests
{
    private static readonly Instant Created = Instant.FromUtc(2030, 1, 1, 8, 0);
    private static readonly Instant Due = Instant.FromUtc(2030, 1, 1, 9, 0);

    private static ScheduledMessage Message(long chatId) =>
        ScheduledMessage.Create(Guid.NewGuid(), chatId, null, $"For {chatId}", Recurrence.OneTime, Due, Created).Value;

    private static DispatchDueMessagesHandler Handler(MemoryStore store, IMessageSender sender, params long[] allowed)
    {
        var allowList = new ChatAllowListOptions();
        allowList.ChatIds.UnionWith(allowed);
        var options = Options.Create(new SchedulerOptions());
        return new DispatchDueMessagesHandler(
            store,
            sender,
            new ChatAllowList(Options.Create(allowList)),
            new ChatTimeZones(new NoSettings(), options),
            new StoreClock(new FakeClock(Due + Duration.FromSeconds(1))),
            options,
            NullLogger<DispatchDueMessagesHandler>.Instance);
    }

    [Fact]
    public async Task A_message_to_a_chat_outside_the_allow_list_fails_without_a_send_and_the_others_are_sent()
    {
        var outsider = Message(8);
        var insider = Message(7);
        var store = new MemoryStore(outsider, insider);
        var sender = new RecordingSender();

        var report = (await Handler(store, sender, 7).Handle(new DispatchDueMessages("w"), CancellationToken.None)).Value;

        Assert.Equal([7L], sender.Chats);
        Assert.Equal((2, 1, 1), (report.Claimed, report.Delivered, report.Failed));
        Assert.Equal((MessageStatus.Failed, 1), (outsider.Status, outsider.Attempts));
        Assert.Equal(ChatAllowList.NotAllowedCode, outsider.Errors[^1].Code);
        Assert.Equal(2, store.Saved.Count);
    }

    [Fact]
    public async Task Without_an_allow_list_every_chat_is_sent_to()
    {
        var sender = new RecordingSender();

        var report = (await Handler(new MemoryStore(Message(8), Message(9)), sender).Handle(new DispatchDueMessages("w"), CancellationToken.None)).Value;

        Assert.Equal([8L, 9L], sender.Chats.Order());
        Assert.Equal(2, report.Delivered);
    }

    [Fact]
    public async Task A_sender_that_throws_counts_as_a_transient_failure_and_the_message_is_retried()
    {
        var message = Message(7);

        var report = (await Handler(new MemoryStore(message), new ThrowingSender()).Handle(new DispatchDueMessages("w"), CancellationToken.None)).Value;

        Assert.Equal((1, 0), (report.Retried, report.Failed));
        Assert.Equal((MessageStatus.Rescheduled, "sender_exception"), (message.Status, message.Errors[^1].Code));
    }

    [Fact]
    public async Task A_round_cancelled_before_it_starts_claims_nothing()
    {
        var store = new MemoryStore(Message(7));

        var report = (await Handler(store, new RecordingSender()).Handle(new DispatchDueMessages("w"), new CancellationToken(canceled: true))).Value;

        Assert.Same(DispatchReport.Empty, report);
        Assert.False(store.Claimed);
    }

    private sealed class MemoryStore(params ScheduledMessage[] due) : IDispatchStore
    {
        public bool Claimed { get; private set; }

        public int ClaimedBatchSize { get; private set; }

        public List<ScheduledMessage> Saved { get; } = [];

        public Task<IReadOnlyList<ScheduledMessage>> ClaimDueAsync(string owner, Instant now, Duration lease, int batchSize, int maxPerChat, CancellationToken cancellationToken)
        {
            Claimed = true;
            ClaimedBatchSize = batchSize;
            return Task.FromResult<IReadOnlyList<ScheduledMessage>>([.. due.Take(batchSize)]);
        }

        public Task<bool> SaveClaimedAsync(ScheduledMessage message, string owner, CancellationToken cancellationToken) =>
            throw new NotSupportedException("The round writes its outcomes in batches.");

        public Task<IReadOnlySet<Guid>> SaveClaimedAsync(IReadOnlyList<ScheduledMessage> messages, string owner, CancellationToken cancellationToken)
        {
            lock (Saved)
            {
                Saved.AddRange(messages);
            }

            return Task.FromResult<IReadOnlySet<Guid>>(messages.Select(m => m.Id).ToHashSet());
        }

        public Task<int> RenewLeasesAsync(IReadOnlyCollection<Guid> ids, string owner, Instant until, CancellationToken cancellationToken) => Task.FromResult(ids.Count);

        public Task<int> PruneFinishedAsync(Instant finishedBefore, int limit, CancellationToken cancellationToken) => Task.FromResult(0);

        public Task<int> ReleaseAsync(IReadOnlyCollection<Guid> ids, string owner, CancellationToken cancellationToken) => Task.FromResult(ids.Count);

        public Task<Instant?> NextDueTimeAsync(CancellationToken cancellationToken) => Task.FromResult<Instant?>(null);
    }

    [Theory]
    [InlineData(200, null, 200)]
    [InlineData(200, 30, 30)]
    [InlineData(200, 15, 15)]
    [InlineData(20, 30, 20)]
    [InlineData(200, 0, 1)]
    public void A_round_claims_the_batch_or_one_seconds_worth_of_a_rate_limited_sender_whichever_is_less(int batchSize, int? perSecond, int expected) =>
        Assert.Equal(expected, DispatchDueMessagesHandler.RoundSize(batchSize, perSecond));

    [Fact]
    public async Task A_rate_limited_sender_gets_a_round_of_one_seconds_worth_and_a_full_round_asks_for_the_next_at_once()
    {
        var store = new MemoryStore([.. Enumerable.Range(1, 12).Select(chat => Message(chat))]);
        var sender = new RecordingSender { MessagesPerSecond = 5 };

        var report = (await Handler(store, sender).Handle(new DispatchDueMessages("w"), CancellationToken.None)).Value;

        Assert.Equal(5, store.ClaimedBatchSize);
        Assert.Equal((5, 5), (report.Claimed, sender.Chats.Count));
        Assert.True(report.BatchWasFull);
    }

    /// <summary>The store's clock, here a fake one.</summary>
    private sealed class StoreClock(IClock clock) : IDispatchClock
    {
        public Task<IClock> StartRoundAsync(CancellationToken cancellationToken) => Task.FromResult(clock);
    }

    private sealed class RecordingSender : IMessageSender
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<long> _chats = new();

        public IReadOnlyList<long> Chats => [.. _chats];

        public int? MessagesPerSecond { get; init; }

        public ValueTask<SendOutcome> SendAsync(long chatId, string text, CancellationToken cancellationToken)
        {
            _chats.Enqueue(chatId);
            return ValueTask.FromResult(SendOutcome.Delivered);
        }
    }

    private sealed class ThrowingSender : IMessageSender
    {
        public ValueTask<SendOutcome> SendAsync(long chatId, string text, CancellationToken cancellationToken) =>
            throw new HttpRequestException("connection reset");
    }

    private sealed class NoSettings : IChatSettingsStore
    {
        public Task<ChatSettings?> FindAsync(long chatId, CancellationToken cancellationToken) => Task.FromResult<ChatSettings?>(null);

        public Task<IReadOnlyDictionary<long, string>> GetTimeZonesAsync(IReadOnlyCollection<long> chatIds, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<long, string>>(new Dictionary<long, string>());

        public Task SaveAsync(ChatSettings settings, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
