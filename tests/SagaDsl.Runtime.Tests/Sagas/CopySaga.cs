using System.Threading.Tasks;

namespace SagaDsl.Runtime.Tests.Sagas;

public sealed record Batch(string Id, int Files);

public sealed record CopyReport(int Copied, int ResumedFrom, string Key, int Attempt);

/// <summary>A long step that heartbeats its progress and resumes from it on the next attempt.</summary>
[Saga(TaskQueue = "copy")]
public static partial class CopySaga
{
    [SagaStep(1, HeartbeatTimeout = "00:00:10")]
    public static async Task<CopyReport> CopyFiles(Batch batch, StepContext context)
    {
        var resumeFrom = await context.GetLastHeartbeatOrDefaultAsync(0);
        for (var copied = resumeFrom + 1; copied <= batch.Files; copied++)
        {
            context.Heartbeat(copied);
        }

        return new CopyReport(batch.Files - resumeFrom, resumeFrom, context.IdempotencyKey, context.Attempt);
    }
}
