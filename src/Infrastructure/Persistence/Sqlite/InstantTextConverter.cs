using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;

namespace ScheduledMessages.Infrastructure.Persistence.Sqlite;

/// <summary>Maps NodaTime <see cref="Instant"/> to SQLite text (SQLite has no NodaTime plugin), see <see cref="InstantText"/>.</summary>
internal sealed class InstantTextConverter : ValueConverter<Instant, string>
{
    public InstantTextConverter()
        : base(instant => InstantText.Format(instant), text => InstantText.Parse(text))
    {
    }
}
