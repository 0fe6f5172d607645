namespace ScheduledMessages.Application.ScheduledMessages;

/// <summary>
/// Who asks to change a chat's messages, and where. The front end says whether the chat is private
/// (one person's own chat, where everything is theirs): how a transport tells is its own business.
/// </summary>
public interface IChangeRequest
{
    long ChatId { get; }

    long? UserId { get; }

    bool IsPrivateChat { get; }
}

/// <summary>A request to change one message of the chat, named by <see cref="Message"/>; <see cref="MessageChange"/> carries it out.</summary>
public interface IMessageChangeRequest : IChangeRequest
{
    MessageReference Message { get; }
}
