namespace ScheduledMessages.Domain.Common;

/// <summary>A value, or the domain rule that refused to produce it.</summary>
public sealed class Result<T> : Result
{
    private readonly T? _value;

    private Result(T? value, DomainError? error) : base(error) => _value = value;

    public T Value => IsSuccess
        ? _value!
        : throw new InvalidOperationException($"No value: {Error}");

    public static Result<T> Success(T value) => new(value, null);

    public static new Result<T> Failure(DomainError error) => new(default, error);

    public static implicit operator Result<T>(DomainError error) => Failure(error);

    public static implicit operator Result<T>(T value) => Success(value);
}
