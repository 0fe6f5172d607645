using ScheduledMessages.Bot.Hosting;

await BotApplication.Build(args).RunAsync();
