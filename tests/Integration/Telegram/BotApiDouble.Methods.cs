using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace ScheduledMessages.Integration.Telegram;

/// <summary>The Bot API methods the double serves.</summary>
public sealed partial class BotApiDouble
{
    private const int MaxTextLength = 4096;

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        var match = RoutePattern().Match(path);
        if (!match.Success || !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsPost(context.Request.Method))
        {
            await ErrorAsync(context, "?", null, 404, "Not Found");
            return;
        }

        var method = match.Groups["method"].Value;
        if (!string.Equals(match.Groups["token"].Value, Token, StringComparison.Ordinal))
        {
            await ErrorAsync(context, method, null, 401, "Unauthorized");
            return;
        }

        var parameters = await BotApiParameters.ReadAsync(context.Request);
        if (parameters is null)
        {
            await ErrorAsync(context, method, null, 400, "Bad Request: can't parse JSON object");
            return;
        }

        var chatId = parameters.Long("chat_id");
        if (!await PassHoldAsync(method, context.RequestAborted))
        {
            return;
        }

        var fault = TakeFault(method, chatId);
        switch (fault)
        {
            case ServerErrorFault server:
                await ErrorAsync(context, method, chatId, server.StatusCode, ServerErrorDescription(server.StatusCode));
                return;
            case TooManyRequestsFault tooMany:
                await TooManyRequestsAsync(context, method, chatId, tooMany.RetryAfterSeconds);
                return;
            case ErrorFault error:
                await ErrorAsync(context, method, chatId, error.ErrorCode, error.Description);
                return;
            case DelayFault delay:
                try
                {
                    await Task.Delay(delay.Duration, _time, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                break;
        }

        var answer = method.ToLowerInvariant() switch
        {
            "getme" => Ok(BotUserJson()),
            "getupdates" => await GetUpdatesAsync(parameters, context.RequestAborted),
            "sendmessage" => SendMessage(parameters),
            "setmycommands" => SetMyCommands(parameters),
            "getmycommands" => GetMyCommands(parameters),
            "deletemycommands" => DeleteMyCommands(parameters),
            "setwebhook" => SetWebhook(parameters),
            "deletewebhook" => DeleteWebhook(parameters),
            "getwebhookinfo" => GetWebhookInfo(),
            "answercallbackquery" => AnswerCallbackQuery(parameters),
            "editmessagetext" => EditMessageText(parameters),
            "deletemessage" => DeleteMessage(parameters),
            "getchatmember" => GetChatMember(parameters),
            "getchatadministrators" => GetChatAdministrators(parameters),
            _ => Error(404, "Not Found"),
        };

        if (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        await WriteAsync(context, method, chatId, answer);
    }

    private BotApiFault? TakeFault(string method, long? chatId)
    {
        lock (_gate)
        {
            var rule = _faults.FirstOrDefault(f =>
                f.Remaining > 0 &&
                (f.Method is null || string.Equals(f.Method, method, StringComparison.OrdinalIgnoreCase)) &&
                (f.ChatId is null || f.ChatId == chatId));
            if (rule is null)
            {
                return null;
            }

            if (rule.Remaining != int.MaxValue)
            {
                rule.Remaining--;
            }

            return rule.Fault;
        }
    }

    private async Task<Answer> GetUpdatesAsync(BotApiParameters p, CancellationToken aborted)
    {
        var offset = p.Long("offset") ?? 0;
        var limit = (int)Math.Clamp(p.Long("limit") ?? 100, 1, 100);
        var timeout = TimeSpan.FromSeconds(Math.Clamp(p.Long("timeout") ?? 0, 0, 50));
        var deadline = Elapsed + timeout;
        long generation;
        lock (_gate)
        {
            generation = ++_pollGeneration;
            Signal();
        }

        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_webhookUrl is not null)
                {
                    return Error(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
                }

                if (generation != _pollGeneration)
                {
                    return Error(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
                }

                Confirm(offset);
                var updates = _servedAgain.Concat(_pendingUpdates).Take(limit).Select(u => (JsonNode)u.DeepClone()).ToArray();
                if (_servedAgain.Count > 0)
                {
                    _servedAgain.Clear();
                    Signal();
                }

                if (updates.Length > 0 || Elapsed >= deadline)
                {
                    return Ok(new JsonArray(updates));
                }

                _waitingPolls++;
                Signal();
                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(deadline - Elapsed, _time, aborted);
            }
            catch (TimeoutException)
            {
                // Answers with whatever there is (nothing) on the next turn.
            }
            catch (OperationCanceledException)
            {
                return Ok(new JsonArray());
            }
            finally
            {
                lock (_gate)
                {
                    _waitingPolls--;
                }
            }
        }
    }

    /// <summary>An offset confirms every update before it; a negative one keeps only the last -offset.</summary>
    private void Confirm(long offset)
    {
        if (offset > 0)
        {
            _pendingUpdates.RemoveAll(u => u["update_id"]!.GetValue<long>() < offset);
        }
        else if (offset < 0 && _pendingUpdates.Count > -offset)
        {
            _pendingUpdates.RemoveRange(0, _pendingUpdates.Count - (int)Math.Min(-offset, int.MaxValue));
        }
    }

    private Answer SendMessage(BotApiParameters p)
    {
        if (p.Long("chat_id") is not { } chatId)
        {
            return p.Has("chat_id") ? Error(400, "Bad Request: chat not found") : Error(400, "Bad Request: chat_id is empty");
        }

        var text = p.String("text");
        if (string.IsNullOrWhiteSpace(text))
        {
            return Error(400, "Bad Request: message text is empty");
        }

        if (text.Length > MaxTextLength)
        {
            return Error(400, "Bad Request: message is too long");
        }

        var parseMode = p.String("parse_mode");
        if (parseMode is not null && parseMode.ToUpperInvariant() is not ("HTML" or "MARKDOWN" or "MARKDOWNV2"))
        {
            return Error(400, "Bad Request: unsupported parse_mode");
        }

        var markup = SentMessage.Markup(p.Json("reply_markup"));
        lock (_gate)
        {
            if (_ledger.TryRecord(chatId, Elapsed, _limits) is { } wait)
            {
                _limitRejections++;
                return TooManyRequests((int)Math.Max(1, Math.Ceiling(wait.TotalSeconds)));
            }

            var messageId = NextMessageId(chatId);
            _botMessages[(chatId, messageId)] = (text, markup);
            _sent.Add(new SentMessage(messageId, chatId, text, parseMode, markup, Now));
            Signal();
            return Ok(MessageJson(chatId, messageId, BotUserJson(), text, markup));
        }
    }

    private Answer SetMyCommands(BotApiParameters p)
    {
        if (p.Json("commands") is not JsonArray array)
        {
            return Error(400, "Bad Request: parameter \"commands\" is required");
        }

        var commands = new List<BotCommandEntry>();
        foreach (var item in array)
        {
            var command = item?["command"]?.GetValue<string>() ?? string.Empty;
            var description = item?["description"]?.GetValue<string>() ?? string.Empty;
            if (!CommandName().IsMatch(command))
            {
                return Error(400, "Bad Request: BOT_COMMAND_INVALID");
            }

            if (description.Trim().Length is < 1 or > 256)
            {
                return Error(400, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID");
            }

            commands.Add(new BotCommandEntry(command, description));
        }

        if (commands.Count > 100)
        {
            return Error(400, "Bad Request: BOT_COMMANDS_TOO_MUCH");
        }

        lock (_gate)
        {
            _commands[CommandsKey(ScopeType(p), p.String("language_code"))] = commands;
            Signal();
        }

        return Ok(true);
    }

    private Answer GetMyCommands(BotApiParameters p)
    {
        var commands = CommandsFor(ScopeType(p), p.String("language_code"));
        return Ok(new JsonArray([.. commands.Select(c => (JsonNode)new JsonObject { ["command"] = c.Command, ["description"] = c.Description })]));
    }

    private Answer DeleteMyCommands(BotApiParameters p)
    {
        lock (_gate)
        {
            _commands.Remove(CommandsKey(ScopeType(p), p.String("language_code")));
        }

        return Ok(true);
    }

    private static string ScopeType(BotApiParameters p) => p.Json("scope")?["type"]?.GetValue<string>() ?? "default";

    private Answer SetWebhook(BotApiParameters p)
    {
        var url = p.String("url") ?? string.Empty;
        var secret = p.String("secret_token");
        if (url.Length > 0 && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps))
        {
            return Error(400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook");
        }

        if (secret is not null && !WebhookSecretPattern().IsMatch(secret))
        {
            return Error(400, "Bad Request: secret token contains unallowed characters");
        }

        lock (_gate)
        {
            _webhookUrl = url.Length > 0 ? url : null;
            _webhookSecret = url.Length > 0 ? secret : null;
            if (p.Bool("drop_pending_updates"))
            {
                _pendingUpdates.Clear();
            }

            Signal();
        }

        return Ok(true);
    }

    private Answer DeleteWebhook(BotApiParameters p)
    {
        lock (_gate)
        {
            _webhookUrl = null;
            _webhookSecret = null;
            if (p.Bool("drop_pending_updates"))
            {
                _pendingUpdates.Clear();
            }

            Signal();
        }

        return Ok(true);
    }

    private Answer GetWebhookInfo()
    {
        lock (_gate)
        {
            return Ok(new JsonObject
            {
                ["url"] = _webhookUrl ?? string.Empty,
                ["has_custom_certificate"] = false,
                ["pending_update_count"] = _pendingUpdates.Count,
            });
        }
    }

    private Answer AnswerCallbackQuery(BotApiParameters p)
    {
        var id = p.String("callback_query_id") ?? string.Empty;
        lock (_gate)
        {
            if (!_openCallbackQueries.Remove(id))
            {
                return Error(400, "Bad Request: query is too old and response timeout expired or query ID is invalid");
            }

            _answered.Add(new AnsweredCallback(id, p.String("text"), p.Bool("show_alert"), Now));
            Signal();
        }

        return Ok(true);
    }

    private Answer EditMessageText(BotApiParameters p)
    {
        if (p.Long("chat_id") is not { } chatId || p.Long("message_id") is not { } id)
        {
            return Error(400, "Bad Request: message to edit not found");
        }

        var messageId = (int)id;
        var text = p.String("text");
        if (string.IsNullOrWhiteSpace(text))
        {
            return Error(400, "Bad Request: message text is empty");
        }

        if (text.Length > MaxTextLength)
        {
            return Error(400, "Bad Request: MESSAGE_TOO_LONG");
        }

        var markup = SentMessage.Markup(p.Json("reply_markup"));
        lock (_gate)
        {
            if (!_botMessages.TryGetValue((chatId, messageId), out var current))
            {
                return Error(400, "Bad Request: message to edit not found");
            }

            if (current.Text == text && current.Markup == markup)
            {
                return Error(400, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");
            }

            _botMessages[(chatId, messageId)] = (text, markup);
            _edits.Add(new MessageEdit(chatId, messageId, text, markup, Now));
            Signal();
            var message = MessageJson(chatId, messageId, BotUserJson(), text, markup);
            message["edit_date"] = Now.ToUnixTimeSeconds();
            return Ok(message);
        }
    }

    private Answer DeleteMessage(BotApiParameters p)
    {
        if (p.Long("chat_id") is not { } chatId || p.Long("message_id") is not { } id)
        {
            return Error(400, "Bad Request: message to delete not found");
        }

        lock (_gate)
        {
            if (!_botMessages.Remove((chatId, (int)id)))
            {
                return Error(400, "Bad Request: message to delete not found");
            }

            _deleted.Add(new DeletedMessage(chatId, (int)id, Now));
            Signal();
        }

        return Ok(true);
    }

    private Answer GetChatMember(BotApiParameters p)
    {
        if (p.Long("chat_id") is not { } chatId || p.Long("user_id") is not { } userId)
        {
            return Error(400, "Bad Request: chat not found");
        }

        lock (_gate)
        {
            var admins = _administrators.GetValueOrDefault(chatId) ?? [];
            var status = admins.FirstOrDefault() == userId && admins.Count > 0 ? "creator"
                : admins.Contains(userId) ? "administrator"
                : "member";
            return Ok(MemberJson(userId, status));
        }
    }

    private Answer GetChatAdministrators(BotApiParameters p)
    {
        if (p.Long("chat_id") is not { } chatId)
        {
            return Error(400, "Bad Request: chat not found");
        }

        if (chatId > 0)
        {
            return Error(400, "Bad Request: there are no administrators in the private chat");
        }

        lock (_gate)
        {
            var admins = _administrators.GetValueOrDefault(chatId) ?? [];
            return Ok(new JsonArray([.. admins.Select((id, i) => (JsonNode)MemberJson(id, i == 0 ? "creator" : "administrator"))]));
        }
    }

    private static JsonObject MemberJson(long userId, string status)
    {
        var member = new JsonObject { ["status"] = status, ["user"] = UserJson(userId, $"User {userId}") };
        if (status is "creator" or "administrator")
        {
            member["is_anonymous"] = false;
        }

        if (status == "administrator")
        {
            member["can_be_edited"] = false;
            member["can_manage_chat"] = true;
            member["can_delete_messages"] = true;
            member["can_manage_video_chats"] = false;
            member["can_restrict_members"] = true;
            member["can_promote_members"] = false;
            member["can_change_info"] = true;
            member["can_invite_users"] = true;
            member["can_post_stories"] = false;
            member["can_edit_stories"] = false;
            member["can_delete_stories"] = false;
        }

        return member;
    }

    private JsonObject NewMessageUpdate(long chatId, string text, long userId, string firstName)
    {
        var message = MessageJson(chatId, NextMessageId(chatId), UserJson(userId, firstName), text, null);
        if (text.StartsWith('/'))
        {
            var length = text.IndexOfAny([' ', '\n', '\t']) is var end and >= 0 ? end : text.Length;
            message["entities"] = new JsonArray(new JsonObject { ["type"] = "bot_command", ["offset"] = 0, ["length"] = length });
        }

        return new JsonObject { ["update_id"] = _nextUpdateId++, ["message"] = message };
    }

    private int NextMessageId(long chatId)
    {
        var id = _lastMessageIdPerChat.GetValueOrDefault(chatId) + 1;
        _lastMessageIdPerChat[chatId] = id;
        return id;
    }

    private JsonObject MessageJson(long chatId, int messageId, JsonObject from, string text, string? markup)
    {
        var message = new JsonObject
        {
            ["message_id"] = messageId,
            ["from"] = from,
            ["chat"] = ChatJson(chatId),
            ["date"] = Now.ToUnixTimeSeconds(),
            ["text"] = text,
        };
        if (markup is not null)
        {
            message["reply_markup"] = JsonNode.Parse(markup);
        }

        return message;
    }

    private static JsonObject ChatJson(long chatId) => chatId > 0
        ? new JsonObject { ["id"] = chatId, ["type"] = "private", ["first_name"] = $"User {chatId}" }
        : new JsonObject
        {
            ["id"] = chatId,
            ["type"] = chatId <= -1_000_000_000_000 ? "supergroup" : "group",
            ["title"] = $"Group {chatId}",
        };

    private static JsonObject UserJson(long userId, string firstName) => new()
    {
        ["id"] = userId,
        ["is_bot"] = false,
        ["first_name"] = firstName,
        ["language_code"] = "en",
    };

    private static JsonObject BotUserJson() => new()
    {
        ["id"] = BotId,
        ["is_bot"] = true,
        ["first_name"] = "Scheduled Messages (test)",
        ["username"] = BotUsername,
        ["can_join_groups"] = true,
        ["can_read_all_group_messages"] = false,
        ["supports_inline_queries"] = false,
    };

    private static string ServerErrorDescription(int status) => status switch
    {
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Internal Server Error",
    };

    private static Answer Ok(JsonNode result) => new(200, new JsonObject { ["ok"] = true, ["result"] = result });

    private static Answer Ok(bool result) => Ok(JsonValue.Create(result));

    private static Answer Error(int code, string description) =>
        new(code, new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description });

    private static Answer TooManyRequests(int retryAfter) => new(429, new JsonObject
    {
        ["ok"] = false,
        ["error_code"] = 429,
        ["description"] = $"Too Many Requests: retry after {retryAfter}",
        ["parameters"] = new JsonObject { ["retry_after"] = retryAfter },
    });

    private Task ErrorAsync(HttpContext context, string method, long? chatId, int code, string description) =>
        WriteAsync(context, method, chatId, Error(code, description));

    private Task TooManyRequestsAsync(HttpContext context, string method, long? chatId, int retryAfter) =>
        WriteAsync(context, method, chatId, TooManyRequests(retryAfter));

    private async Task WriteAsync(HttpContext context, string method, long? chatId, Answer answer)
    {
        lock (_gate)
        {
            if (answer.StatusCode == 429)
            {
                _tooManyRequests++;
            }

            _calls.Add(new ApiCall(method, chatId, answer.StatusCode, Now));
        }

        context.Response.StatusCode = answer.StatusCode;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer.Body.ToJsonString(), context.RequestAborted);
    }

    [GeneratedRegex("^/bot(?<token>[^/]+)/(?<method>[A-Za-z]+)$")]
    private static partial Regex RoutePattern();

    [GeneratedRegex("^[a-z0-9_]{1,32}$")]
    private static partial Regex CommandName();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex WebhookSecretPattern();

    private sealed record Answer(int StatusCode, JsonObject Body);
}
