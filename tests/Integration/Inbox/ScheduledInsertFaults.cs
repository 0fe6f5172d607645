using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ScheduledMessages.Integration.Inbox;

/// <summary>
/// An EF command interceptor for the test host that makes chosen inserts into
/// <c>scheduled_messages</c> fail as a database that stopped answering would (a
/// <see cref="TimeoutException"/>, which the bot counts as passing): a test picks the insert by the
/// message text it writes and by how many such inserts come before it.
/// </summary>
public sealed class ScheduledInsertFaults : DbCommandInterceptor
{
    public const string Message = "Injected: the database did not answer";

    private readonly Lock _gate = new();
    private readonly List<Rule> _rules = [];

    /// <summary>
    /// Fails, <paramref name="times"/> times, the insert of a message whose text satisfies
    /// <paramref name="content"/> that comes after <paramref name="skip"/> such inserts.
    /// </summary>
    public void Fail(Func<string, bool> content, int skip = 0, int times = 1)
    {
        lock (_gate)
        {
            _rules.Add(new Rule(content, skip, times));
        }
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Check(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Check(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return ValueTask.FromResult(result);
    }

    private void Check(DbCommand command)
    {
        if (!command.CommandText.Contains("INSERT INTO scheduled_messages", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var texts = command.Parameters.Cast<DbParameter>().Select(p => p.Value).OfType<string>().ToList();
        lock (_gate)
        {
            foreach (var rule in _rules)
            {
                if (!texts.Any(rule.Content))
                {
                    continue;
                }

                if (rule.Seen++ >= rule.Skip && rule.Times > 0)
                {
                    rule.Times--;
                    throw new TimeoutException(Message);
                }
            }
        }
    }

    private sealed class Rule(Func<string, bool> content, int skip, int times)
    {
        public Func<string, bool> Content { get; } = content;

        public int Skip { get; } = skip;

        public int Times { get; set; } = times;

        public int Seen { get; set; }
    }
}
