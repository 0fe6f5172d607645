namespace ScheduledMessages.Grammar;

/// <summary>
/// Digits other than 0-9 (Arabic-Indic ٣, fullwidth １, Devanagari ३, ...): the bot reads numbers,
/// times, dates, ids and pages only in 0-9, and answers a word written in others with that word
/// in 0-9, instead of a misleading "hours go from 0 to 23".
/// </summary>
public static class Digits
{
    /// <summary>True when <paramref name="word"/> holds a decimal digit that is not 0-9.</summary>
    public static bool HasOthers(string? word) => word is not null && word.Any(c => char.IsDigit(c) && !char.IsAsciiDigit(c));

    /// <summary><paramref name="word"/> with every decimal digit written as 0-9, e.g. "١٢:٠٠" as "12:00".</summary>
    public static string ToAscii(string word) =>
        string.Create(word.Length, word, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = char.IsDigit(c) && !char.IsAsciiDigit(c) ? (char)('0' + (int)char.GetNumericValue(c)) : c;
            }
        });

    /// <summary>The answer to a word written in other digits, with the word in 0-9 as the example.</summary>
    public static string Problem(string word) =>
        $"\"{word}\" is written with digits other than 0-9; I read only 0-9: write {ToAscii(word)}.";
}
