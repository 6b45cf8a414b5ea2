using System.Linq;
using System.Threading.Tasks;
using SagaDsl.Analyzers.Tests.Verifiers;
using Xunit;

namespace SagaDsl.Analyzers.Tests.Determinism;

/// <summary>
/// Recall on material this project did not write: every case the Durable Task SDK's orchestrator
/// analyzers test as a finding (microsoft/durabletask-dotnet, test/Analyzers.Tests/Orchestration), with
/// the orchestration written as a Temporal workflow. Cases whose construct is correct in Temporal are
/// left out: <c>ContinueWith</c> and <c>Task.Factory.StartNew</c> without a scheduler run on the
/// workflow's scheduler, and Temporal has no function-registered or context-parameter orchestrations.
/// </summary>
public class TranslatedCasesTests
{
    /// <summary>The client libraries and configuration types the cases use, compiled apart as a package is.</summary>
    private const string Library = """
        namespace Azure.Storage.Blobs
        {
            public class BlobServiceClient { public BlobServiceClient(string connection) { } }
            public class BlobContainerClient { public BlobContainerClient(string connection, string container) { } }
            public class BlobClient { public BlobClient(string connection, string container, string blob) { } }
        }

        namespace Azure.Storage.Queues
        {
            public class QueueServiceClient { public QueueServiceClient(string connection) { } }
            public class QueueClient { public QueueClient(string connection, string queue) { } }
        }

        namespace Azure.Data.Tables
        {
            public class TableServiceClient { public TableServiceClient(string connection) { } }
            public class TableClient { public TableClient(string connection, string table) { } }
        }

        namespace Microsoft.Azure.Cosmos
        {
            public class CosmosClient { public CosmosClient(string connection) { } }
        }

        namespace Microsoft.Data.SqlClient
        {
            public class SqlConnection { }
        }

        namespace Microsoft.Extensions.Configuration
        {
            public interface IConfiguration
            {
                string? this[string key] { get; set; }

                IConfigurationSection GetSection(string key);
            }

            public interface IConfigurationSection : IConfiguration
            {
                string? Value { get; }
            }
        }

        namespace Microsoft.Extensions.Options
        {
            public interface IOptions<out T> where T : class { T Value { get; } }
            public interface IOptionsSnapshot<out T> : IOptions<T> where T : class { T Get(string? name); }
            public interface IOptionsMonitor<out T> { T CurrentValue { get; } T Get(string? name); }
        }
        """;

    public static TheoryData<string, string, string> Cases => new()
    {
        // DateTimeOrchestrationAnalyzerTests
        { "DateTime.Now", "SAGA101", "public Task<DateTime> RunAsync() => Task.FromResult(DateTime.Now);" },
        { "DateTime.UtcNow", "SAGA101", "public Task<DateTime> RunAsync() => Task.FromResult(DateTime.UtcNow);" },
        { "DateTime.Today", "SAGA101", "public Task<DateTime> RunAsync() => Task.FromResult(DateTime.Today);" },
        { "three levels of helpers", "SAGA101", "public Task<long> RunAsync() => Task.FromResult(Level1()); long Level1() => Level2(); long Level2() => Level3(); long Level3() => DateTime.Now.Ticks;" },
        { "recursive helper", "SAGA101", "public Task<long> RunAsync() => Task.FromResult(Recurse(0)); long Recurse(int i) { if (i == 10) return 1; var date = DateTime.Now; return date.Ticks + Recurse(i + 1); }" },
        { "ValueTask helper", "SAGA101", "public async Task RunAsync() => _ = await AtValue(); static ValueTask<DateTime> AtValue() => ValueTask.FromResult(DateTime.Now);" },
        { "Task helper", "SAGA101", "public async Task RunAsync() => _ = await AtTask(); static Task<DateTime> AtTask() => Task.FromResult(DateTime.Now);" },
        { "static local function", "SAGA101", "public Task RunAsync() { static DateTime Local() => DateTime.Now; return Task.CompletedTask; }" },
        { "Func lambda", "SAGA101", "public Task RunAsync() { Func<DateTime> later = () => DateTime.Now; return Task.CompletedTask; }" },
        { "Func<int, DateTime> lambda", "SAGA101", "public Task RunAsync() { Func<int, DateTime> later = days => DateTime.Now.AddDays(days); return Task.CompletedTask; }" },
        { "Action lambda writing the clock", "SAGA101", "public Task RunAsync() { Action<int> write = days => Console.WriteLine(DateTime.Now.AddDays(days)); return Task.CompletedTask; }" },
        { "private method of the orchestrator class", "SAGA101", "public Task<DateTime> RunAsync() => Task.FromResult(Read()); private DateTime Read() => DateTime.Now;" },

        // DelayOrchestrationAnalyzerTests
        { "Thread.Sleep", "SAGA104", "public Task RunAsync() { Thread.Sleep(1000); return Task.CompletedTask; }" },
        { "Task.Delay with a token", "SAGA104", "public async Task RunAsync() { var token = CancellationToken.None; await Task.Delay(1000, token); }" },
        { "Task<object>.Delay", "SAGA104", "public async Task RunAsync() => await Task<object>.Delay(1000);" },
        { "Thread.Sleep in a helper", "SAGA104", "public Task RunAsync() { Pause(); return Task.CompletedTask; } private void Pause() { Thread.Sleep(1000); }" },

        // EnvironmentOrchestrationAnalyzerTests
        { "GetEnvironmentVariable", "SAGA111", "public Task RunAsync() { Environment.GetEnvironmentVariable(\"PATH\"); return Task.CompletedTask; }" },
        { "GetEnvironmentVariables", "SAGA111", "public Task RunAsync() { Environment.GetEnvironmentVariables(); return Task.CompletedTask; }" },
        { "ExpandEnvironmentVariables", "SAGA111", "public Task RunAsync() { Environment.ExpandEnvironmentVariables(\"PATH\"); return Task.CompletedTask; }" },
        { "IConfiguration indexer", "SAGA111", "public Task RunAsync() { _ = configuration[\"PATH\"]; return Task.CompletedTask; } private readonly Microsoft.Extensions.Configuration.IConfiguration configuration = null!;" },
        { "IConfiguration.GetSection", "SAGA111", "public Task RunAsync() { _ = configuration.GetSection(\"Section\"); return Task.CompletedTask; } private readonly Microsoft.Extensions.Configuration.IConfiguration configuration = null!;" },
        { "IOptions.Value", "SAGA111", "public Task RunAsync() { _ = options.Value; return Task.CompletedTask; } private readonly Microsoft.Extensions.Options.IOptions<string> options = null!;" },
        { "IOptionsSnapshot.Value", "SAGA111", "public Task RunAsync() { _ = snapshot.Value; return Task.CompletedTask; } private readonly Microsoft.Extensions.Options.IOptionsSnapshot<string> snapshot = null!;" },
        { "IOptionsMonitor.CurrentValue", "SAGA111", "public Task RunAsync() { _ = monitor.CurrentValue; return Task.CompletedTask; } private readonly Microsoft.Extensions.Options.IOptionsMonitor<string> monitor = null!;" },

        // GuidOrchestrationAnalyzerTests
        { "Guid.NewGuid", "SAGA102", "public Task<Guid> RunAsync() => Task.FromResult(Guid.NewGuid());" },

        // IOOrchestrationTests
        { "HttpClient", "SAGA111", "public Task RunAsync() { _ = new System.Net.Http.HttpClient(); return Task.CompletedTask; }" },
        { "BlobServiceClient", "SAGA111", "public Task RunAsync() { _ = new Azure.Storage.Blobs.BlobServiceClient(\"test\"); return Task.CompletedTask; }" },
        { "BlobContainerClient", "SAGA111", "public Task RunAsync() { _ = new Azure.Storage.Blobs.BlobContainerClient(\"test\", \"test\"); return Task.CompletedTask; }" },
        { "BlobClient", "SAGA111", "public Task RunAsync() { _ = new Azure.Storage.Blobs.BlobClient(\"test\", \"test\", \"test\"); return Task.CompletedTask; }" },
        { "QueueServiceClient", "SAGA111", "public Task RunAsync() { _ = new Azure.Storage.Queues.QueueServiceClient(\"test\"); return Task.CompletedTask; }" },
        { "QueueClient", "SAGA111", "public Task RunAsync() { _ = new Azure.Storage.Queues.QueueClient(\"test\", \"test\"); return Task.CompletedTask; }" },
        { "TableServiceClient", "SAGA111", "public Task RunAsync() { _ = new Azure.Data.Tables.TableServiceClient(\"test\"); return Task.CompletedTask; }" },
        { "TableClient", "SAGA111", "public Task RunAsync() { _ = new Azure.Data.Tables.TableClient(\"test\", \"test\"); return Task.CompletedTask; }" },
        { "CosmosClient", "SAGA111", "public Task RunAsync() { _ = new Microsoft.Azure.Cosmos.CosmosClient(\"test\"); return Task.CompletedTask; }" },
        { "SqlConnection", "SAGA111", "public Task RunAsync() { _ = new Microsoft.Data.SqlClient.SqlConnection(); return Task.CompletedTask; }" },

        // LoggerOrchestrationAnalyzerTests
        { "logger field", "SAGA111", "public Task RunAsync() { Microsoft.Extensions.Logging.LoggerExtensions.LogInformation(this.logger, \"Test\"); return Task.CompletedTask; } private readonly Microsoft.Extensions.Logging.ILogger logger = null!;" },
        { "logger property", "SAGA111", "public Task RunAsync() { Microsoft.Extensions.Logging.LoggerExtensions.LogInformation(this.Logger, \"Test\"); return Task.CompletedTask; } private Microsoft.Extensions.Logging.ILogger Logger { get; set; } = null!;" },
        { "logger field in a helper", "SAGA111", "public Task RunAsync() { Helper(); return Task.CompletedTask; } private void Helper() => Microsoft.Extensions.Logging.LoggerExtensions.LogInformation(this.logger, \"Test\"); private readonly Microsoft.Extensions.Logging.ILogger logger = null!;" },
        { "logger field passed to a helper", "SAGA111", "public Task RunAsync() { Helper(this.logger); return Task.CompletedTask; } private static void Helper(Microsoft.Extensions.Logging.ILogger logger) => Microsoft.Extensions.Logging.LoggerExtensions.LogInformation(logger, \"Test\"); private readonly Microsoft.Extensions.Logging.ILogger logger = null!;" },

        // ThreadTaskOrchestrationAnalyzerTests
        { "new Thread().Start()", "SAGA103", "public Task RunAsync() { new Thread(() => { }).Start(); return Task.CompletedTask; }" },
        { "Task<int>.Run", "SAGA103", "public async Task RunAsync() => _ = await Task<int>.Run(() => 0);" },
        { "Task.Run", "SAGA103", "public async Task RunAsync() => await Task.Run(() => { });" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_case_is_reported_with_the_rule_Temporal_needs(string name, string rule, string members)
    {
        var source = DeterminismVerifier.Usings + $$"""
            [Workflow]
            public class Orchestration
            {
                [WorkflowRun]
                {{members}}
            }
            """;

        var diagnostics = await SourceAnalysis.AnalyzeAsync(new[] { ("Orchestration.cs", source) }, Library);

        Assert.True(diagnostics.Any(diagnostic => diagnostic.Id == rule), $"{name}: expected {rule}, got [{string.Join("; ", diagnostics)}]");
    }
}
