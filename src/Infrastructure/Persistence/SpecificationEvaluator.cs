using System.Linq.Expressions;
using System.Reflection;
using Ardalis.Specification;
using Microsoft.EntityFrameworkCore;
using ScheduledMessages.Application.ScheduledMessages;
using ScheduledMessages.Infrastructure.Persistence.Configurations;

namespace ScheduledMessages.Infrastructure.Persistence;

/// <summary>
/// Applies a specification to an EF query with Ardalis.Specification's public evaluators (criteria,
/// order, paging; its EF package is not available), honours AsNoTracking, and translates
/// <see cref="RecurrenceKinds.Of"/> to the stored <c>recurrence_kind</c> column.
/// </summary>
public static class SpecificationEvaluator
{
    /// <summary>The query the specification describes.</summary>
    /// <param name="source">The set to query.</param>
    /// <param name="specification">Criteria, order and page.</param>
    /// <param name="criteriaOnly">Only the criteria (for counting): no order, no paging.</param>
    public static IQueryable<T> Apply<T>(IQueryable<T> source, ISpecification<T> specification, bool criteriaOnly = false)
        where T : class
    {
        var query = WhereEvaluator.Instance.GetQuery(source, specification);
        if (!criteriaOnly)
        {
            query = OrderEvaluator.Instance.GetQuery(query, specification);
            query = PaginationEvaluator.Instance.GetQuery(query, specification);
        }

        if (specification.AsNoTracking)
        {
            query = query.AsNoTracking();
        }

        return query.Provider.CreateQuery<T>(RecurrenceKindRewriter.Instance.Visit(query.Expression));
    }

    /// <summary>Replaces <c>RecurrenceKinds.Of(m)</c> with <c>EF.Property&lt;string&gt;(m, "RecurrenceKind")</c>.</summary>
    private sealed class RecurrenceKindRewriter : ExpressionVisitor
    {
        public static readonly RecurrenceKindRewriter Instance = new();

        private static readonly MethodInfo KindOf = typeof(RecurrenceKinds).GetMethod(nameof(RecurrenceKinds.Of))!;

        private static readonly MethodInfo PropertyOfString =
            typeof(EF).GetMethod(nameof(EF.Property))!.MakeGenericMethod(typeof(string));

        protected override Expression VisitMethodCall(MethodCallExpression node) =>
            node.Method == KindOf
                ? Expression.Call(PropertyOfString, Visit(node.Arguments[0]), Expression.Constant(ScheduledMessageConfiguration.RecurrenceKind))
                : base.VisitMethodCall(node);
    }
}
