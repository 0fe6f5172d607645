using System.Collections.Immutable;

namespace ScheduledMessages.Grammar;

/// <summary>
/// The whitespace-separated words of a command's arguments and a place among them. Immutable:
/// taking words gives the input after them, so a production hands back where it stopped
/// (<see cref="ParseResult{T}.Rest"/>) and may look ahead without undoing anything. Each word
/// remembers where it starts, so the message text is taken verbatim (line breaks and spacing
/// kept) and an error can point at the word it is about.
/// </summary>
public readonly struct Input
{
    private readonly string _text;
    private readonly ImmutableArray<Word> _words;
    private readonly int _offset;
    private readonly int _next;

    private Input(string text, ImmutableArray<Word> words, int offset, int next)
    {
        _text = text;
        _words = words;
        _offset = offset;
        _next = next;
    }

    /// <summary>The words of <paramref name="text"/>, from the first.</summary>
    public static Input Of(string? text) => Of(text ?? string.Empty, 0);

    /// <summary>
    /// The words of part of a larger text (the value of window=, the time after a date's T) that
    /// begins at <paramref name="offset"/> there, so errors point into the whole.
    /// </summary>
    internal static Input Of(string text, int offset)
    {
        var words = ImmutableArray.CreateBuilder<Word>();
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i > start)
            {
                words.Add(new Word(text[start..i], start));
            }
        }

        return new Input(text, words.ToImmutable(), offset, 0);
    }

    public bool AtEnd => _next >= _words.Length;

    /// <summary>The next word; null at the end.</summary>
    public string? Next => Peek();

    /// <summary>Where the next word starts in the arguments (their length at the end): where an error points.</summary>
    public int Position => _offset + (AtEnd ? _text.Length : _words[_next].Start);

    /// <summary>The word <paramref name="ahead"/> after the next one without taking it; null past the end.</summary>
    public string? Peek(int ahead = 0) => _next + ahead < _words.Length ? _words[_next + ahead].Text : null;

    /// <summary>The input after the next <paramref name="count"/> words (or at the end).</summary>
    public Input Skip(int count = 1) => new(_text, _words, _offset, Math.Min(_next + count, _words.Length));

    /// <summary>The input with every word taken.</summary>
    public Input End() => Skip(_words.Length);

    /// <summary>The words taken from <paramref name="start"/> up to here, as written, for messages ("every 2 days").</summary>
    public string Since(Input start) =>
        string.Join(' ', _words.Skip(start._next).Take(_next - start._next).Select(word => word.Text));

    /// <summary>Everything from the next word to the end, verbatim (trailing whitespace dropped).</summary>
    public string Rest() => AtEnd ? string.Empty : _text[_words[_next].Start..].TrimEnd();

    /// <summary>A problem found here, at the next word.</summary>
    public ParseError Error(string message) => new(message, Position);

    /// <summary><paramref name="value"/> read, with this input as what is left.</summary>
    public ParseResult<T> Success<T>(T value) => ParseResult<T>.Success(value, this);

    private readonly record struct Word(string Text, int Start);
}
