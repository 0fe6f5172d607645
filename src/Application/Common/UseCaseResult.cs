namespace ScheduledMessages.Application.Common;

/// <summary>What every use case answers: a value, or a <see cref="UseCaseFailure"/> saying why not.</summary>
public sealed class UseCaseResult<T>
{
    private readonly T? _value;

    private UseCaseResult(T? value, UseCaseFailure? failure)
    {
        _value = value;
        Failure = failure;
    }

    public bool IsSuccess => Failure is null;

    public UseCaseFailure? Failure { get; }

    public T Value => IsSuccess
        ? _value!
        : throw new InvalidOperationException($"The use case failed: {Failure}");

    public static UseCaseResult<T> Success(T value) => new(value, null);

    public static UseCaseResult<T> Fail(UseCaseFailure failure) => new(default, failure);

    public static implicit operator UseCaseResult<T>(T value) => Success(value);

    public static implicit operator UseCaseResult<T>(UseCaseFailure failure) => Fail(failure);

    public override string ToString() => IsSuccess ? $"Success: {_value}" : Failure!.ToString();
}
