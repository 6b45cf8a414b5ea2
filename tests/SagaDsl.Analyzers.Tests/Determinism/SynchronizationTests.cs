using System.Threading.Tasks;
using Xunit;
using static SagaDsl.Analyzers.Tests.Verifiers.DeterminismVerifier;

namespace SagaDsl.Analyzers.Tests.Determinism;

/// <summary>SAGA108 thread synchronization primitives.</summary>
public class SynchronizationTests
{
    [Fact]
    public Task Thread_synchronization_is_reported()
    {
        return VerifyAsync("""
            [Workflow]
            public class Guarded
            {
                private readonly SemaphoreSlim gate = {|SAGA108:new SemaphoreSlim(1)|};

                [WorkflowRun]
                public async Task RunAsync()
                {
                    await {|SAGA108:gate.WaitAsync()|};
                    using var mutex = {|SAGA108:new System.Threading.Mutex()|};
                    var signal = {|SAGA108:new ManualResetEventSlim()|};
                }
            }
            """);
    }

    [Fact]
    public Task Waits_inherited_from_WaitHandle_are_reported_on_the_primitive_they_are_called_on()
    {
        return VerifyAsync("""
            [Workflow]
            public class Guarded
            {
                private bool done;

                [WorkflowRun]
                public Task RunAsync() => Task.CompletedTask;

                [WorkflowSignal]
                public Task WaitForAsync(ManualResetEvent ready, System.Threading.Semaphore slots, WaitHandle[] handles)
                {
                    {|SAGA108:ready.WaitOne()|};
                    {|SAGA108:ready.Set()|};
                    {|SAGA108:slots.WaitOne(100)|};
                    {|SAGA108:WaitHandle.WaitAll(handles)|};
                    {|SAGA108:SpinWait.SpinUntil(() => done)|};
                    return Task.CompletedTask;
                }
            }
            """);
    }

    [Fact]
    public Task Workflow_mutex_semaphore_and_lock_are_not_reported()
    {
        return VerifyAsync("""
            [Workflow]
            public class Guarded
            {
                private readonly Temporalio.Workflows.Mutex mutex = new();
                private readonly Temporalio.Workflows.Semaphore semaphore = new(2);
                private readonly object sync = new();
                private int count;

                [WorkflowRun]
                public async Task RunAsync()
                {
                    await mutex.WaitOneAsync();
                    mutex.ReleaseMutex();
                    await semaphore.WaitAsync();
                    semaphore.Release();
                    lock (sync)
                    {
                        count++;
                    }
                }
            }
            """);
    }
}
