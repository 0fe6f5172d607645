using ScheduledMessages.Bot.Hosting;

if (BotUsage.TryWrite(args, Console.Out))
{
    return 0;
}

WebApplication app;
try
{
    app = BotApplication.Build(args);
}
catch (StartupRefusedException refused)
{
    await Console.Error.WriteLineAsync($"Not started: {refused.Message}");
    return 2;
}

await app.RunAsync();
return 0;
