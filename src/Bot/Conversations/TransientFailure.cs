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
            if (e is DbException or TimeoutException or HttpRequestException or SocketException or IOException)
            {
                return true;
            }
        }

        return false;
    }
}
