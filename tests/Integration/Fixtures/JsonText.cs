namespace ScheduledMessages.Integration.Fixtures;

/// <summary>A SQL parameter holding JSON as written (null for SQL NULL): jsonb on PostgreSQL, text on SQLite.</summary>
public sealed record JsonText(string? Json);
