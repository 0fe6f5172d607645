namespace ScheduledMessages.Application.ScheduledMessages;

/// <summary>One of the messages an ambiguous id prefix names, with the shortest id that tells it apart from the others.</summary>
public sealed record MessageCandidate(string ShortId, ScheduledMessageDto Message);
