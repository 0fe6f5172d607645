using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ScheduledMessages.Infrastructure;
using ScheduledMessages.Infrastructure.Persistence;

namespace ScheduledMessages.Integration.Persistence;

/// <summary>Which store the configuration selects, and what the container says about it (for the host's banner).</summary>
public sealed class StoreSelectionTests
{
    [Fact]
    public void Without_any_setting_the_store_is_the_SQLite_file_at_the_documented_default_path()
    {
        var store = Select([]);

        var localData = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        var root = string.IsNullOrWhiteSpace(localData) ? Path.Combine(Environment.CurrentDirectory, "data") : localData;
        var expected = Path.Combine(root, "scheduled-messages", "scheduler.db");
        Assert.Equal(new StoreInfo(StoreProvider.Sqlite, $"SQLite file {expected}", expected), store);
        Assert.Equal(expected, SchedulerDatabase.DefaultSqlitePath);
        Assert.True(Path.IsPathRooted(expected));
    }

    [Fact]
    public void A_relative_SqlitePath_is_resolved_from_the_working_directory()
    {
        var store = Select(new() { ["Storage:SqlitePath"] = Path.Combine("state", "bot.db") });

        var expected = Path.Combine(Environment.CurrentDirectory, "state", "bot.db");
        Assert.Equal((StoreProvider.Sqlite, expected), (store.Provider, store.DatabaseFile));
        Assert.Equal($"SQLite file {expected}", store.Description);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_connection_string_counts_as_none(string connectionString)
    {
        var store = Select(new() { ["ConnectionStrings:Scheduler"] = connectionString, ["Storage:SqlitePath"] = "x.db" });

        Assert.Equal(StoreProvider.Sqlite, store.Provider);
    }

    [Fact]
    public void A_connection_string_selects_PostgreSQL_and_its_description_names_no_password()
    {
        var store = Select(new()
        {
            ["ConnectionStrings:Scheduler"] = "Host=db.example;Port=5433;Database=sched;Username=bot;Password=hunter2",
            ["Storage:SqlitePath"] = "ignored.db",
        });

        Assert.Equal(new StoreInfo(StoreProvider.PostgreSql, "PostgreSQL database sched on db.example:5433", null), store);
        Assert.DoesNotContain("hunter2", store.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_SqlitePath_naming_a_directory_is_refused_with_the_key()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Select(new() { ["Storage:SqlitePath"] = Path.GetTempPath() }));

        Assert.Contains("Storage:SqlitePath names a directory", error.Message, StringComparison.Ordinal);
        Assert.Contains("scheduler.db", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_connection_string_is_refused_with_the_key_and_without_the_password()
    {
        var error = Assert.Throws<InvalidOperationException>(
            () => Select(new() { ["ConnectionStrings:Scheduler"] = "Host=db;Password=hunter2;Colour=blue" }));

        Assert.Contains("ConnectionStrings:Scheduler is not a valid PostgreSQL connection string", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    private static StoreInfo Select(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddInfrastructure(configuration);
        using var provider = services.BuildServiceProvider();

        // What the container registers is what DescribeStore answers without one.
        Assert.Equal(SchedulerDatabase.DescribeStore(configuration), provider.GetRequiredService<StoreInfo>());
        return provider.GetRequiredService<StoreInfo>();
    }
}
