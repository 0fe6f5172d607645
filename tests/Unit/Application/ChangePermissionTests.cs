using NodaTime;
using ScheduledMessages.Application.Abstractions;
using ScheduledMessages.Application.ScheduledMessages;
using ScheduledMessages.Domain.Recurrences;
using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Unit.Application;

public sealed class ChangePermissionTests
{
    private const long Group = -100;
    private const long Author = 7;
    private static readonly Instant Now = Instant.FromUtc(2030, 1, 1, 0, 0);

    private static ScheduledMessage MessageIn(long chatId) =>
        ScheduledMessage.Create(Guid.NewGuid(), chatId, Author, "Hi", Recurrence.OneTime, Now + Duration.FromHours(1), Now).Value;

    [Theory]
    [InlineData(Author, false, true)]
    [InlineData(8L, false, false)]
    [InlineData(8L, true, true)]
    [InlineData(null, false, false)]
    public async Task In_a_group_only_the_author_or_an_administrator_may_change_a_message(long? user, bool userIsAdministrator, bool allowed)
    {
        var permission = new ChangePermission(new Administrators(userIsAdministrator));

        Assert.Equal(allowed, await permission.MayChangeAsync(new Request(Group, user, false), MessageIn(Group), CancellationToken.None));
    }

    [Fact]
    public async Task In_a_private_chat_the_chat_may_change_its_messages_without_asking_telegram()
    {
        var administrators = new Administrators(false);
        var permission = new ChangePermission(administrators);

        Assert.True(await permission.MayChangeAsync(new Request(42, 43, true), MessageIn(42), CancellationToken.None));
        Assert.True(await permission.MayChangeAllAsync(new Request(42, 43, true), CancellationToken.None));
        Assert.Equal(0, administrators.Questions);
    }

    [Fact]
    public async Task Whether_a_chat_is_private_is_what_the_request_says_not_the_sign_of_its_number()
    {
        var permission = new ChangePermission(new Administrators(false));

        Assert.False(await permission.MayChangeAsync(new Request(42, 8, false), MessageIn(42), CancellationToken.None));
        Assert.True(await permission.MayChangeAsync(new Request(Group, 8, true), MessageIn(Group), CancellationToken.None));
    }

    [Fact]
    public async Task Only_an_administrator_may_change_every_message_of_a_group()
    {
        Assert.False(await new ChangePermission(new Administrators(false)).MayChangeAllAsync(new Request(Group, Author, false), CancellationToken.None));
        Assert.True(await new ChangePermission(new Administrators(true)).MayChangeAllAsync(new Request(Group, Author, false), CancellationToken.None));
    }

    private sealed record Request(long ChatId, long? UserId, bool IsPrivateChat) : IChangeRequest;

    private sealed class Administrators(bool answer) : IChatAdministrators
    {
        public int Questions { get; private set; }

        public ValueTask<bool> IsAdministratorAsync(long chatId, long userId, CancellationToken cancellationToken)
        {
            Questions++;
            return ValueTask.FromResult(answer);
        }
    }
}
