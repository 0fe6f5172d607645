namespace ScheduledMessages.Infrastructure.Persistence;

/// <summary>
/// Which store the container uses, for people: <see cref="Description"/> reads like
/// "SQLite file /home/me/.local/share/scheduled-messages/scheduler.db" or
/// "PostgreSQL database scheduler on db.example:5432" and never holds a password.
/// </summary>
/// <param name="Provider">The engine.</param>
/// <param name="Description">A one-line, secret-free description for banners and logs.</param>
/// <param name="DatabaseFile">The SQLite file's full path; null for PostgreSQL.</param>
public sealed record StoreInfo(StoreProvider Provider, string Description, string? DatabaseFile);
