namespace ScheduledMessages.Architecture.Violations.Validators;

/// <summary>Breaks the validator rule: called a validator (so it is one by name) but left unsealed.</summary>
public class SecretValidator
{
    public int MinimumLength { get; init; } = 16;

    public bool Accepts(string secret) => secret.Length >= MinimumLength;
}
