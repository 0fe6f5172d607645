using Microsoft.AspNetCore.Http;

namespace ScheduledMessages.Architecture.Violations.Application;

/// <summary>Breaks the application rule: ASP.NET Core in a use case.</summary>
public sealed class UseCaseReadingAnHttpContext
{
    public HttpContext? Request { get; init; }
}
