namespace ScheduledMessages.Grammar;

/// <summary>
/// The whitespace-separated words of a command's arguments with a cursor; remembers where each
/// word starts so the message text is taken verbatim (line breaks and spacing kept).
/// </summary>
internal sealed class ScheduleTokens
{
    private readonly string _text;
    private readonly List<(string Word, int Start)> _words = [];
    private int _next;

    public ScheduleTokens(string text)
    {
        _text = text;
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
                _words.Add((text[start..i], start));
            }
        }
    }

    public bool AtEnd => _next >= _words.Count;

    /// <summary>The next word without taking it; null at the end.</summary>
    public string? Peek(int ahead = 0) => _next + ahead < _words.Count ? _words[_next + ahead].Word : null;

    /// <summary>Takes the next word; null at the end.</summary>
    public string? Take() => AtEnd ? null : _words[_next++].Word;

    /// <summary>The words taken so far, as written, for error messages ("every 2 days").</summary>
    public string TakenSince(int mark) => string.Join(' ', _words.Skip(mark).Take(_next - mark).Select(w => w.Word));

    public int Mark => _next;

    /// <summary>Everything from the next word to the end, verbatim.</summary>
    public string Rest() => AtEnd ? string.Empty : _text[_words[_next].Start..].TrimEnd();
}
