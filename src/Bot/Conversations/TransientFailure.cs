using System.Data.Common;
using System.Net.Sockets;

namespace ScheduledMessages.Bot.Conversations;

/// <summary>
/// Tells failures that may pass (database or network unavailable) from bugs. An update whose
/// command failed transiently is not acknowledged, so Telegram delivers it again.
/// </summary>
public static class TransientFailure
{
    public static bool IsTransient(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException db)
            {
                return db.IsTransient || !IsStatementError(db.SqlState);
            }

            if (e is TimeoutException or HttpRequestException or SocketException or IOException)
            {
                return true;
            }
        }

        return false;
    }

    // SQLSTATE classes that say the statement itself is wrong (data, constraint, syntax or access
    // rule): running it again cannot help, so the update must not be resent forever.
    private static bool IsStatementError(string? sqlState) =>
        sqlState is { Length: 5 } && sqlState[..2] is "22" or "23" or "2B" or "42" or "44";
}
