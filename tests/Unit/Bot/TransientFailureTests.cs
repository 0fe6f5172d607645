using System.Data.Common;
using ScheduledMessages.Bot.Conversations;

namespace ScheduledMessages.Unit.Bot;

public sealed class TransientFailureTests
{
    [Theory]
    [InlineData(null, false, true)]
    [InlineData("08006", false, true)]
    [InlineData("57P01", false, true)]
    [InlineData("55000", false, true)]
    [InlineData("40001", true, true)]
    [InlineData("23505", false, false)]
    [InlineData("42P01", false, false)]
    [InlineData("22P02", false, false)]
    public void Database_errors_are_transient_unless_the_statement_itself_is_wrong(string? sqlState, bool isTransient, bool expected) =>
        Assert.Equal(expected, TransientFailure.IsTransient(new InvalidOperationException("wrapped", new FakeDbException(sqlState, isTransient))));

    [Fact]
    public void Network_failures_are_transient_and_bugs_are_not()
    {
        Assert.True(TransientFailure.IsTransient(new HttpRequestException("refused")));
        Assert.True(TransientFailure.IsTransient(new TimeoutException()));
        Assert.False(TransientFailure.IsTransient(new InvalidOperationException("bug")));
        Assert.False(TransientFailure.IsTransient(new NullReferenceException()));
    }

    private sealed class FakeDbException(string? sqlState, bool isTransient) : DbException("fake")
    {
        public override string? SqlState => sqlState;

        public override bool IsTransient => isTransient;
    }
}
