using Microsoft.ML.OnnxRuntime;

namespace DailyPapers.Infrastructure.Search.Embeddings;

/// <summary>
/// The benchmark's baseline: the embedder's model in a session of its own, opened the same way, fed tensors made
/// beforehand, and its output dropped. What any caller of ONNX Runtime pays at the least.
/// </summary>
internal sealed class RawSession : IDisposable
{
    private static readonly string[] OutputNames = [OnnxSessions.HiddenState];

    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();
    private readonly string[] _inputNames;

    public RawSession(TextEmbedder embedder)
    {
        _session = OnnxSessions.Create(embedder.Profile.ReadModel(), embedder.IntraOpThreads, embedder.Dimensions);
        _inputNames = OnnxSessions.InputNames(_session);
    }

    public void Run(TokenBatch batch)
    {
        var inputs = OnnxSessions.Inputs(_inputNames, batch);
        try
        {
            using var outputs = _session.Run(_runOptions, _inputNames, inputs, OutputNames);
        }
        finally
        {
            foreach (var input in inputs)
            {
                input.Dispose();
            }
        }
    }

    public void Dispose()
    {
        _session.Dispose();
        _runOptions.Dispose();
    }
}
