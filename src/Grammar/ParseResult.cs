namespace ScheduledMessages.Grammar;

/// <summary>
/// What a production of the grammar gives: the value it read and the <see cref="Rest"/> of the
/// input after it, or an <see cref="Error"/> that says what is wrong and where. Productions
/// compose by reading on from <see cref="Rest"/> (<see cref="Then{TNext}"/>) and hand an error
/// straight back (it converts to a result of any type).
/// </summary>
public readonly struct ParseResult<T>
{
    private readonly T? _value;
    private readonly Input _rest;
    private readonly bool _succeeded;

    private ParseResult(T? value, Input rest, ParseError? error, bool succeeded)
    {
        _value = value;
        _rest = rest;
        Error = error;
        _succeeded = succeeded;
    }

    /// <summary>Why nothing was read; null on success.</summary>
    public ParseError? Error { get; }

    public bool IsSuccess => _succeeded;

    public bool IsFailure => !_succeeded;

    public T Value => _succeeded ? _value! : throw new InvalidOperationException($"No value: {Error}");

    /// <summary>The input after what was read.</summary>
    public Input Rest => _succeeded ? _rest : throw new InvalidOperationException($"Nothing was read: {Error}");

    public static ParseResult<T> Success(T value, Input rest) => new(value, rest, null, true);

    public static implicit operator ParseResult<T>(ParseError error) => new(default, default, error, false);

    /// <summary>Reads on with <paramref name="next"/> from where this stopped; an error passes through.</summary>
    public ParseResult<TNext> Then<TNext>(Func<T, Input, ParseResult<TNext>> next) =>
        _succeeded ? next(_value!, _rest) : Error!;

    /// <summary>The value turned into another; an error passes through.</summary>
    public ParseResult<TNext> Select<TNext>(Func<T, TNext> map) =>
        _succeeded ? ParseResult<TNext>.Success(map(_value!), _rest) : Error!;

    public override string ToString() => _succeeded ? $"{_value} (rest at {_rest.Position})" : $"error: {Error}";
}

/// <summary>A problem with the input: a message for the user, and where in the arguments it is (0-based).</summary>
public sealed record ParseError(string Message, int Position)
{
    /// <summary>The same place with a prefix that names what was being read ("window: ...").</summary>
    public ParseError About(string what) => this with { Message = $"{what}: {Message}" };

    public override string ToString() => $"at {Position}: {Message}";
}
