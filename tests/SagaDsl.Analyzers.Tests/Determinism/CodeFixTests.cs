using System.Threading.Tasks;
using Xunit;
using static SagaDsl.Analyzers.Tests.Verifiers.DeterminismFixVerifier;

namespace SagaDsl.Analyzers.Tests.Determinism;

public class CodeFixTests
{
    [Fact]
    public Task Clock_reads_become_Workflow_UtcNow_and_keep_their_comments()
    {
        return VerifyFixAsync("""
            using System;
            using System.Threading.Tasks;
            using Temporalio.Workflows;

            [Workflow]
            public class Reminder
            {
                [WorkflowRun]
                public Task<DateTime> RunAsync()
                {
                    var due = /* start */ {|SAGA101:DateTime.UtcNow|} /* end */.AddDays(1);
                    var local = {|SAGA101:DateTime.Now|};
                    var day = {|SAGA101:DateTime.Today|};
                    return Task.FromResult(due + (local - day));
                }
            }
            """, """
            using System;
            using System.Threading.Tasks;
            using Temporalio.Workflows;

            [Workflow]
            public class Reminder
            {
                [WorkflowRun]
                public Task<DateTime> RunAsync()
                {
                    var due = /* start */ Workflow.UtcNow /* end */.AddDays(1);
                    var local = Workflow.UtcNow;
                    var day = Workflow.UtcNow.Date;
                    return Task.FromResult(due + (local - day));
                }
            }
            """);
    }

    [Fact]
    public Task Guid_and_random_become_the_workflow_ones_and_the_using_is_added()
    {
        return VerifyFixAsync("""
            using System;
            using System.Threading.Tasks;

            [Temporalio.Workflows.Workflow]
            public class Lottery
            {
                [Temporalio.Workflows.WorkflowRun]
                public Task<string> RunAsync()
                {
                    var id = {|SAGA102:Guid.NewGuid()|};
                    var dice = {|SAGA102:new Random()|}.Next(6);
                    var shared = {|SAGA102:Random.Shared|}.Next(6);
                    return Task.FromResult($"{id}{dice}{shared}");
                }
            }
            """, """
            using System;
            using System.Threading.Tasks;
            using Temporalio.Workflows;

            [Temporalio.Workflows.Workflow]
            public class Lottery
            {
                [Temporalio.Workflows.WorkflowRun]
                public Task<string> RunAsync()
                {
                    var id = Workflow.NewGuid();
                    var dice = Workflow.Random.Next(6);
                    var shared = Workflow.Random.Next(6);
                    return Task.FromResult($"{id}{dice}{shared}");
                }
            }
            """);
    }

    [Fact]
    public Task Task_scheduling_becomes_workflow_scheduling_with_the_same_arguments()
    {
        return VerifyFixAsync("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Temporalio.Workflows;

            [Workflow]
            public class FanOut
            {
                [WorkflowRun]
                public async Task RunAsync(CancellationToken token)
                {
                    await {|SAGA104:Task.Delay(TimeSpan.FromSeconds(5), token)|};
                    var work = {|SAGA103:Task.Run(async () => await Workflow.DelayAsync(10))|};
                    var other = {|SAGA103:Task.Run(() => Task.FromResult(1))|};
                    await {|SAGA105:Task.WhenAny(work, other)|};
                    await {|SAGA105:Task.WhenAll(work, other)|};
                }
            }
            """, """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Temporalio.Workflows;

            [Workflow]
            public class FanOut
            {
                [WorkflowRun]
                public async Task RunAsync(CancellationToken token)
                {
                    await Workflow.DelayAsync(TimeSpan.FromSeconds(5), token);
                    var work = Workflow.RunTaskAsync(async () => await Workflow.DelayAsync(10));
                    var other = Workflow.RunTaskAsync(() => Task.FromResult(1));
                    await Workflow.WhenAnyAsync(work, other);
                    await Workflow.WhenAllAsync(work, other);
                }
            }
            """);
    }

    [Fact]
    public Task ConfigureAwait_false_is_dropped_and_the_awaited_task_kept()
    {
        return VerifyFixAsync("""
            using System.Threading.Tasks;
            using Temporalio.Workflows;

            [Workflow]
            public class Awaiter
            {
                [WorkflowRun]
                public async Task<int> RunAsync()
                {
                    await {|SAGA106:Workflow.DelayAsync(10).ConfigureAwait(false)|}; // wait a bit
                    return await {|SAGA106:Task.FromResult(1).ConfigureAwait(false)|};
                }
            }
            """, """
            using System.Threading.Tasks;
            using Temporalio.Workflows;

            [Workflow]
            public class Awaiter
            {
                [WorkflowRun]
                public async Task<int> RunAsync()
                {
                    await Workflow.DelayAsync(10); // wait a bit
                    return await Task.FromResult(1);
                }
            }
            """);
    }

    [Fact]
    public Task Task_Run_of_an_action_has_no_fix_because_RunTaskAsync_takes_a_task()
    {
        return VerifyFixAsync("""
            using System.Threading.Tasks;
            using Temporalio.Workflows;

            [Workflow]
            public class Runner
            {
                [WorkflowRun]
                public Task RunAsync() => {|SAGA103:Task.Run(() => { })|};
            }
            """, """
            using System.Threading.Tasks;
            using Temporalio.Workflows;

            [Workflow]
            public class Runner
            {
                [WorkflowRun]
                public Task RunAsync() => {|SAGA103:Task.Run(() => { })|};
            }
            """);
    }

    [Fact]
    public Task A_log_call_on_the_workflows_own_logger_logs_with_Workflow_Logger()
    {
        return VerifyFixAsync("""
            using System.Threading.Tasks;
            using Microsoft.Extensions.Logging;
            using Temporalio.Workflows;

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
                    {|SAGA111:this.logger.LogInformation("starting {Id}", 1)|};
                    {|SAGA111:Audit.LogWarning("audit")|};
                    {|SAGA111:LoggerExtensions.LogDebug(logger, "static form")|};
                    return Task.CompletedTask;
                }
            }
            """, """
            using System.Threading.Tasks;
            using Microsoft.Extensions.Logging;
            using Temporalio.Workflows;

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
                    Workflow.Logger.LogInformation("starting {Id}", 1);
                    Workflow.Logger.LogWarning("audit");
                    {|SAGA111:LoggerExtensions.LogDebug(logger, "static form")|};
                    return Task.CompletedTask;
                }
            }
            """);
    }
}
