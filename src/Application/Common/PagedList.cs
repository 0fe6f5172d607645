namespace ScheduledMessages.Application.Common;

/// <summary>One page of a longer list, with the count of everything that matched.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount)
{
    public int TotalPages => TotalCount == 0 ? 0 : (TotalCount + PageSize - 1) / PageSize;

    public bool HasNextPage => Page < TotalPages;
}
