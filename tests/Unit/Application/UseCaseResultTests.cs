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
    public void A_failure_carries_its_kind_and_messages_and_has_no_value()
    {
        var result = UseCaseResult<int>.Invalid("first", "second");

        Assert.False(result.IsSuccess);
        Assert.Equal(FailureKind.Invalid, result.Failure!.Kind);
        Assert.Equal(["first", "second"], result.Failure.Messages);
        Assert.Throws<InvalidOperationException>(() => result.Value);
    }

    [Fact]
    public void A_failure_names_at_least_one_problem() =>
        Assert.Throws<ArgumentException>(() => new UseCaseFailure(FailureKind.Conflict, []));

    [Theory]
    [InlineData(FailureKind.NotFound)]
    [InlineData(FailureKind.Conflict)]
    [InlineData(FailureKind.Forbidden)]
    public void Each_failure_kind_has_a_factory(FailureKind kind)
    {
        var result = kind switch
        {
            FailureKind.NotFound => UseCaseResult<string>.NotFound("m"),
            FailureKind.Conflict => UseCaseResult<string>.Conflict("m"),
            _ => UseCaseResult<string>.Forbidden("m"),
        };

        Assert.Equal(new UseCaseFailure(kind, ["m"]), result.Failure);
    }
}
