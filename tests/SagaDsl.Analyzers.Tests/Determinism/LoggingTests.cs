using System.Threading.Tasks;
using Xunit;
using static SagaDsl.Analyzers.Tests.Verifiers.DeterminismVerifier;

namespace SagaDsl.Analyzers.Tests.Determinism;

/// <summary>
/// SAGA111 for a logger of the workflow's own: it writes every line again on each replay, where
/// Workflow.Logger knows the workflow is replaying and stays quiet.
/// </summary>
public class LoggingTests
{
    [Fact]
    public Task Logging_through_an_injected_or_created_logger_is_reported()
    {
        return VerifyAsync("""
            using Microsoft.Extensions.Logging;

            [Workflow]
            public class Orders
            {
                private readonly ILogger<Orders> logger;

                [WorkflowInit]
                public Orders(ILogger<Orders> logger) => this.logger = logger;

                private ILogger Audit { get; } = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

                [WorkflowRun]
                public Task RunAsync(ILogger<Orders> unused)
                {
                    {|SAGA111:logger.LogInformation("starting")|};
                    {|SAGA111:Audit.LogWarning("audit")|};
                    {|SAGA111:logger.Log(LogLevel.Debug, "raw")|};
                    return Task.CompletedTask;
                }
            }
            """);
    }

    [Fact]
    public Task Workflow_Logger_and_a_logger_passed_along_are_not_reported()
    {
        return VerifyAsync("""
            using Microsoft.Extensions.Logging;

            public static class Log
            {
                public static void Started(ILogger logger, string id) => logger.LogInformation("started {Id}", id);
            }

            [Workflow]
            public class Orders
            {
                [WorkflowRun]
                public Task RunAsync(string id)
                {
                    Workflow.Logger.LogInformation("starting {Id}", id);
                    var log = Workflow.Logger;
                    log.LogDebug("details");
                    Log.Started(Workflow.Logger, id);
                    return Task.CompletedTask;
                }
            }
            """);
    }
}
