using NodaTime;

namespace ScheduledMessages.Bot.Access;

/// <summary>
/// Whether an event fits its quotas. When it does not, <see cref="FirstRefusal"/> says whether it
/// is the first refused in the window (the one worth answering), <see cref="RetryAfter"/> how long
/// until the window that refused it ends, and <see cref="RefusedBy"/> which quota was full (the
/// first given, when several were).
/// </summary>
public readonly record struct Admission(bool Admitted, bool FirstRefusal, Duration RetryAfter, Quota? RefusedBy = null)
{
    public static Admission Admit { get; } = new(true, false, Duration.Zero);
}
