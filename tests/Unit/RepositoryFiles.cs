namespace ScheduledMessages.Unit;

/// <summary>Files of the repository the tests run from (the folder holding ScheduledMessages.sln).</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string ReadAllText(params string[] path) => File.ReadAllText(Path.Combine([Root, .. path]));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ScheduledMessages.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("ScheduledMessages.sln not found above " + AppContext.BaseDirectory);
    }
}
