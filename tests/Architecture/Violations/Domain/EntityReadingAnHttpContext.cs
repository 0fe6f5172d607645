using Microsoft.AspNetCore.Http;

namespace ScheduledMessages.Architecture.Violations.Domain;

/// <summary>Breaks the domain rule: ASP.NET Core inside the model.</summary>
public sealed class EntityReadingAnHttpContext
{
    public HttpContext? Request { get; init; }
}
