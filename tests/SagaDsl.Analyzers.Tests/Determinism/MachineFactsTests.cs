using System.Threading.Tasks;
using Xunit;
using static SagaDsl.Analyzers.Tests.Verifiers.DeterminismVerifier;

namespace SagaDsl.Analyzers.Tests.Determinism;

/// <summary>
/// What differs between the worker that ran a workflow and the one that replays it: console output
/// (written again on replay), the machine's culture, time zone, operating system, threads and memory,
/// hash codes seeded per process, parallel LINQ, ConfigureAwait options that leave the scheduler, and
/// clients of stores and services, found through the types a provider derives from.
/// </summary>
public class MachineFactsTests
{
    [Fact]
    public Task Console_output_and_the_machines_facts_are_reported()
    {
        return VerifyAsync("""
            [Workflow]
            public class Report
            {
                [WorkflowRun]
                public Task<string> RunAsync()
                {
                    {|SAGA111:Console.WriteLine("starting")|};
                    {|SAGA111:Console.Out|}.Flush();
                    var culture = {|SAGA111:System.Globalization.CultureInfo.CurrentCulture|}.Name;
                    var zone = {|SAGA111:TimeZoneInfo.Local|}.Id;
                    var local = {|SAGA111:Workflow.UtcNow.ToLocalTime()|};
                    var os = {|SAGA111:Environment.OSVersion|}.Platform;
                    var thread = {|SAGA111:Environment.CurrentManagedThreadId|} + {|SAGA111:System.Threading.Thread.CurrentThread|}.ManagedThreadId;
                    var description = {|SAGA111:System.Runtime.InteropServices.RuntimeInformation.OSDescription|};
                    var memory = {|SAGA111:GC.GetTotalMemory(false)|};
                    var assemblies = {|SAGA111:AppDomain.CurrentDomain.GetAssemblies()|}.Length;
                    return Task.FromResult($"{culture}{zone}{local}{os}{thread}{description}{memory}{assemblies}");
                }
            }
            """);
    }

    [Fact]
    public Task Hash_codes_seeded_per_process_and_parallel_linq_are_reported()
    {
        return VerifyAsync("""
            using System.Linq;

            [Workflow]
            public class Sharding
            {
                [WorkflowRun]
                public Task<int> RunAsync(string key)
                {
                    var shard = {|SAGA102:key.GetHashCode()|} % 8;
                    var combined = {|SAGA102:HashCode.Combine(key, 1)|};
                    var ordinal = {|SAGA102:StringComparer.Ordinal.GetHashCode(key)|};
                    var squares = {|SAGA103:new[] { 1, 2, 3 }.AsParallel()|}.Select(value => value * value).Sum();
                    return Task.FromResult(shard + combined + ordinal + squares);
                }
            }
            """);
    }

    [Fact]
    public Task ConfigureAwait_options_without_the_captured_context_are_reported()
    {
        return VerifyAsync("""
            [Workflow]
            public class Waiting
            {
                [WorkflowRun]
                public async Task RunAsync()
                {
                    await {|SAGA106:Workflow.DelayAsync(10).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing)|};
                    await {|SAGA106:Workflow.DelayAsync(10).ConfigureAwait(ConfigureAwaitOptions.None)|};
                    await Workflow.DelayAsync(10).ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext | ConfigureAwaitOptions.SuppressThrowing);
                }
            }
            """);
    }

    [Fact]
    public Task A_database_connection_is_reported_through_the_ado_net_type_it_derives_from()
    {
        return VerifyAsync("""
            [Workflow]
            public class Lookup
            {
                [WorkflowRun]
                public async Task<int> RunAsync()
                {
                    using var connection = new Shop.Data.ShopConnection();
                    {|SAGA111:connection.Open()|};
                    await {|SAGA111:connection.OpenAsync()|};
                    using var command = {|SAGA111:connection.CreateCommand()|};
                    return (int)(await {|SAGA111:command.ExecuteScalarAsync()|} ?? 0);
                }
            }
            """, """
            namespace Shop.Data
            {
                using System.Data;
                using System.Data.Common;

                public sealed class ShopConnection : DbConnection
                {
                    public override string ConnectionString { get; set; } = string.Empty;
                    public override string Database => "shop";
                    public override string DataSource => "shop";
                    public override string ServerVersion => "1";
                    public override ConnectionState State => ConnectionState.Closed;
                    public override void ChangeDatabase(string databaseName) { }
                    public override void Close() { }
                    public override void Open() { }
                    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => throw new System.NotSupportedException();
                    protected override DbCommand CreateDbCommand() => throw new System.NotSupportedException();
                }
            }
            """);
    }

    [Fact]
    public Task Invariant_culture_utc_times_and_workflow_logging_are_not_reported()
    {
        return VerifyAsync("""
            using Microsoft.Extensions.Logging;

            [Workflow]
            public class Report
            {
                [WorkflowRun]
                public Task<string> RunAsync(int total)
                {
                    Workflow.Logger.LogInformation("total {Total}", total);
                    var text = total.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    var utc = Workflow.UtcNow.ToUniversalTime();
                    var zone = TimeZoneInfo.Utc.Id;
                    var hash = new { total }.GetHashCode() + total.GetHashCode();
                    return Task.FromResult($"{text}{utc}{zone}{hash}");
                }
            }
            """);
    }
}
