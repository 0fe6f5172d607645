namespace ScheduledMessages.Integration.Telegram;

/// <summary>A command of the bot's menu as set with setMyCommands.</summary>
public sealed record BotCommandEntry(string Command, string Description);
