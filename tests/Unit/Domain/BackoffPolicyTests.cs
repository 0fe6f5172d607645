using CsCheck;
using NodaTime;
using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Unit.Domain;

public sealed class BackoffPolicyTests
{
    [Fact]
    public void Default_waits_5_10_20_minutes_then_gives_up()
    {
        var policy = BackoffPolicy.Default;

        Assert.Equal(Duration.FromMinutes(5), policy.RetryDelay(1));
        Assert.Equal(Duration.FromMinutes(10), policy.RetryDelay(2));
        Assert.Equal(Duration.FromMinutes(20), policy.RetryDelay(3));
        Assert.Null(policy.RetryDelay(4));
        Assert.Equal(3, policy.MaxAttempts);
        Assert.Equal(Duration.FromMinutes(5), policy.BaseDelay);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void No_failure_yet_means_no_retry_delay(int failedAttempts) =>
        Assert.Null(BackoffPolicy.Default.RetryDelay(failedAttempts));

    [Fact]
    public void Base_delay_and_max_attempts_are_configurable()
    {
        var policy = new BackoffPolicy(Duration.FromSeconds(30), 5);

        Assert.Equal(
            [Duration.FromSeconds(30), Duration.FromMinutes(1), Duration.FromMinutes(2), Duration.FromMinutes(4), Duration.FromMinutes(8)],
            Enumerable.Range(1, 5).Select(n => policy.RetryDelay(n)!.Value));
        Assert.Null(policy.RetryDelay(6));
    }

    [Fact]
    public void Zero_max_attempts_never_retries() =>
        Assert.Null(new BackoffPolicy(Duration.FromMinutes(5), 0).RetryDelay(1));

    [Fact]
    public void A_base_delay_that_is_not_positive_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BackoffPolicy(Duration.Zero, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BackoffPolicy(Duration.FromMinutes(-1), 3));
    }

    [Fact]
    public void Negative_max_attempts_are_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new BackoffPolicy(Duration.FromMinutes(5), -1));

    [Fact]
    public void Huge_attempt_counts_do_not_overflow()
    {
        var policy = new BackoffPolicy(Duration.FromSeconds(1), int.MaxValue);

        Assert.Equal(BackoffPolicy.MaxRetryDelay, policy.RetryDelay(int.MaxValue));
    }

    [Fact]
    public void Absurd_configurations_give_a_capped_delay_instead_of_an_overflow()
    {
        var policy = new BackoffPolicy(Duration.FromDays(1), 40);

        Assert.Equal(Duration.FromDays(256), policy.RetryDelay(9));
        Assert.Equal(BackoffPolicy.MaxRetryDelay, policy.RetryDelay(10));
        Assert.Equal(BackoffPolicy.MaxRetryDelay, policy.RetryDelay(40));
        Assert.Equal(BackoffPolicy.MaxRetryDelay, new BackoffPolicy(Duration.FromDays(10_000), 1).RetryDelay(1));
    }

    [Fact]
    public void Each_retry_waits_twice_as_long_as_the_one_before() =>
        // Up to a one-day base and 8 retries the waits stay below the cap (at most 128 days).
        Gen.Select(Gen.Int[1, 24 * 60 * 60], Gen.Int[2, 8]).Sample(
            (baseSeconds, maxAttempts) =>
            {
                var policy = new BackoffPolicy(Duration.FromSeconds(baseSeconds), maxAttempts);
                Assert.Equal(Duration.FromSeconds(baseSeconds), policy.RetryDelay(1));
                for (var n = 2; n <= maxAttempts; n++)
                {
                    Assert.Equal(policy.RetryDelay(n - 1)!.Value * 2, policy.RetryDelay(n));
                }

                Assert.Null(policy.RetryDelay(maxAttempts + 1));
            },
            iter: 300);
}
