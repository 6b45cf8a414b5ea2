using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using SagaDsl.Testing.Exploration.Driving;
using SagaDsl.Testing.Exploration.Paths;
using Temporalio.Common;

namespace SagaDsl.Testing.Exploration;

/// <summary>
/// Explores a saga breadth first: every path one environment choice longer than the last layer,
/// until every path has ended. Each path's open workflow task is replayed through the SDK; paths
/// whose histories are equal (they differ only in the world) share one replay. Layers are split
/// among one replayer per core.
/// </summary>
internal sealed class ExplorationEngine
{
    private readonly ExplorationContext context;
    private readonly TaskReplayer[] replayers;
    private readonly Dictionary<string, TaskObservation> observed = new(StringComparer.Ordinal);

    public ExplorationEngine(ExplorationContext context, Type workflow, string taskQueue)
    {
        this.context = context;
        replayers = Enumerable.Range(0, Math.Max(1, Math.Min(Environment.ProcessorCount, 4)))
            .Select(_ => new TaskReplayer(workflow, taskQueue, context.Converter))
            .ToArray();
    }

    /// <summary>Gets the distinct history prefixes replayed.</summary>
    public int Replays => observed.Count;

    public async Task RunAsync(PathState root, CancellationToken cancellationToken)
    {
        IReadOnlyList<PathState> layer = new[] { root };
        while (layer.Count > 0)
        {
            var observations = await ObserveAsync(layer, cancellationToken).ConfigureAwait(false);
            var next = new List<PathState>();
            for (var index = 0; index < layer.Count; index++)
            {
                foreach (var going in WorkflowCommands.Apply(context, layer[index], observations[index]))
                {
                    if (going.NewEventsPending)
                    {
                        next.Add(going.Delivered());
                    }
                    else
                    {
                        next.AddRange(EnvironmentMoves.Next(context, going));
                    }
                }
            }

            layer = next;
        }
    }

    private async Task<IReadOnlyList<TaskObservation>> ObserveAsync(IReadOnlyList<PathState> layer, CancellationToken cancellationToken)
    {
        var histories = layer.Select(path => path.History.Build()).ToList();
        var fingerprints = histories.Select(Fingerprint).ToList();
        var unseen = new List<(string Fingerprint, WorkflowHistory History)>();
        var queued = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < histories.Count; index++)
        {
            if (!observed.ContainsKey(fingerprints[index]) && queued.Add(fingerprints[index]))
            {
                unseen.Add((fingerprints[index], histories[index]));
            }
        }

        var shares = replayers.Select((replayer, share) => (Replayer: replayer, Work: unseen.Where((_, index) => index % replayers.Length == share).ToList())).ToList();
        var results = await Task.WhenAll(shares.Select(share => share.Work.Count == 0
            ? Task.FromResult<IReadOnlyList<TaskObservation>>(Array.Empty<TaskObservation>())
            : share.Replayer.ReplayAsync(share.Work.Select(work => work.History).ToList(), cancellationToken))).ConfigureAwait(false);
        for (var share = 0; share < shares.Count; share++)
        {
            for (var index = 0; index < shares[share].Work.Count; index++)
            {
                observed[shares[share].Work[index].Fingerprint] = results[share][index];
            }
        }

        return fingerprints.Select(fingerprint => observed[fingerprint]).ToList();
    }

    private static string Fingerprint(WorkflowHistory history)
    {
        using var hash = SHA256.Create();
        foreach (var historyEvent in history.Events)
        {
            var bytes = Google.Protobuf.MessageExtensions.ToByteArray(historyEvent);
            hash.TransformBlock(bytes, 0, bytes.Length, null, 0);
        }

        hash.TransformFinalBlock(Array.Empty<byte>(), 0, 0);
        return Convert.ToBase64String(hash.Hash!);
    }
}
