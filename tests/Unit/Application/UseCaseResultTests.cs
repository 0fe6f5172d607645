using ScheduledMessages.Application.Common;

namespace ScheduledMessages.Unit.Application;

public sealed class UseCaseResultTests
{
    [Fact]
    public void A_success_carries_its_value()
    {
        UseCaseResult<int> result = 42;

        Assert.True(result.IsSuccess);
        Assert.Equal(42, result.Value);
        Assert.Null(result.Failure);
    }

    [Fact]
    public void A_failure_carries_why_and_has_no_value()
    {
        UseCaseResult<int> result = new UseCaseFailure.Invalid(["first", "second"]);

        Assert.False(result.IsSuccess);
        Assert.Equal(["first", "second"], Assert.IsType<UseCaseFailure.Invalid>(result.Failure).Messages);
        Assert.Throws<InvalidOperationException>(() => result.Value);
    }

    [Fact]
    public void An_invalid_request_names_at_least_one_problem() =>
        Assert.Throws<ArgumentException>(() => new UseCaseFailure.Invalid([]));

    [Fact]
    public void Failures_compare_by_what_they_say()
    {
        Assert.Equal(new UseCaseFailure.Invalid(["a", "b"]), new UseCaseFailure.Invalid(new List<string> { "a", "b" }));
        Assert.NotEqual(new UseCaseFailure.Invalid(["a"]), new UseCaseFailure.Invalid(["b"]));
        Assert.Equal(new UseCaseFailure.LimitReached(3, 3), new UseCaseFailure.LimitReached(3, 3));
        Assert.NotEqual<UseCaseFailure>(new UseCaseFailure.NotFound(), new UseCaseFailure.NotAllowed());
    }
}
