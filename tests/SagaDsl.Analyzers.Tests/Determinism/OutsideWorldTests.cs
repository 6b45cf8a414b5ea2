using System.Threading.Tasks;
using Xunit;
using static SagaDsl.Analyzers.Tests.Verifiers.DeterminismVerifier;

namespace SagaDsl.Analyzers.Tests.Determinism;

/// <summary>SAGA111 file system, network, processes, console input, environment; console output and the machine's facts are in <see cref="MachineFactsTests"/>.</summary>
public class OutsideWorldTests
{
    [Fact]
    public Task Outside_world_access_is_reported()
    {
        return VerifyAsync("""
            [Workflow]
            public class Loader
            {
                [WorkflowRun]
                public async Task<string> RunAsync()
                {
                    var text = {|SAGA111:System.IO.File.ReadAllText("config.json")|};
                    var exists = {|SAGA111:System.IO.Directory.Exists("data")|};
                    using var reader = {|SAGA111:new System.IO.StreamReader("data.csv")|};
                    using var http = {|SAGA111:new System.Net.Http.HttpClient()|};
                    var body = await {|SAGA111:http.GetStringAsync("http://localhost/")|};
                    var host = await {|SAGA111:System.Net.Dns.GetHostEntryAsync("localhost")|};
                    using var socket = {|SAGA111:new System.Net.Sockets.TcpClient()|};
                    var process = {|SAGA111:System.Diagnostics.Process.GetCurrentProcess()|};
                    var line = {|SAGA111:Console.ReadLine()|};
                    var path = {|SAGA111:Environment.GetEnvironmentVariable("PATH")|};
                    return text + exists + body + host + process + line + path;
                }
            }
            """);
    }

    [Fact]
    public Task In_memory_streams_and_path_text_are_not_reported()
    {
        return VerifyAsync("""
            [Workflow]
            public class Loader
            {
                [WorkflowRun]
                public Task<string> RunAsync()
                {
                    using var memory = new System.IO.MemoryStream();
                    using var reader = new System.IO.StreamReader(memory);
                    var name = System.IO.Path.Combine("a", "b") + System.IO.Path.GetExtension("x.json");
                    Workflow.Logger.ToString();
                    return Task.FromResult(name + Environment.NewLine);
                }
            }
            """);
    }

    private const string ClientLibraries = """
        namespace Azure.Storage.Files.Shares
        {
            public class ShareClient
            {
                public ShareClient(string connection, string share) { }

                public Models.ShareInfo Create() => new();
            }
        }

        namespace Azure.Storage.Files.Shares.Models
        {
            public class ShareInfo { public string ETag { get; set; } = ""; }
        }

        namespace Microsoft.Data.SqlClient
        {
            public class SqlBulkCopy { public void WriteToServer(object rows) { } }
        }

        namespace Azure.StorageLookalike
        {
            public class Shelf { public int Count => 1; }
        }

        namespace Microsoft.Extensions.Configuration
        {
            public interface IConfiguration { string? this[string key] { get; } }
        }
        """;

    [Fact]
    public Task A_client_library_type_no_entry_names_is_reported_by_its_namespace_and_its_models_are_not()
    {
        return VerifyAsync("""
            [Workflow]
            public class Archiver
            {
                [WorkflowRun]
                public Task<string> RunAsync(Azure.Storage.Files.Shares.Models.ShareInfo info, Azure.StorageLookalike.Shelf shelf, Microsoft.Extensions.Configuration.IConfiguration settings)
                {
                    var share = {|SAGA111:new Azure.Storage.Files.Shares.ShareClient("connection", "archive")|};
                    {|SAGA111:{|SAGA111:new Microsoft.Data.SqlClient.SqlBulkCopy()|}.WriteToServer(info)|};
                    return Task.FromResult(info.ETag + shelf.Count + {|SAGA111:settings["Region"]|});
                }
            }
            """, ClientLibraries);
    }

    [Fact]
    public Task A_logger_of_the_workflows_own_handed_to_a_helper_or_a_constructor_is_reported_and_Workflow_Logger_is_not()
    {
        return VerifyAsync("""
            using Microsoft.Extensions.Logging;

            public static class Audit
            {
                public static void Record(ILogger logger, string what) => logger.LogInformation("{What}", what);
            }

            public sealed class Step
            {
                public Step(ILogger logger) { }
            }

            [Workflow]
            public class Orders
            {
                private readonly ILogger<Orders> logger;

                [WorkflowInit]
                public Orders(ILogger<Orders> logger) => this.logger = logger;

                [WorkflowRun]
                public Task RunAsync()
                {
                    Audit.Record({|SAGA111:logger|}, "start");
                    _ = new Step({|SAGA111:this.logger|});
                    {|SAGA111:LoggerExtensions.LogInformation(logger, "once, for the call")|};
                    Audit.Record(Workflow.Logger, "replay-safe");
                    return Task.CompletedTask;
                }
            }
            """);
    }
}
