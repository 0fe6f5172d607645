namespace ScheduledMessages.Architecture.Violations.Validators;

/// <summary>A command for the fake validators; a message, not a validator, so the rule skips it.</summary>
public sealed record RenameCommand(string Name);
