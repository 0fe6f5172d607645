using ScheduledMessages.Bot.Hosting;

if (BotUsage.TryWrite(args, Console.Out))
{
    return 0;
}

await BotApplication.Build(args).RunAsync();
return 0;
