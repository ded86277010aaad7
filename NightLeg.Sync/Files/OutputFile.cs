using NightLeg.Sync.Storage;

namespace NightLeg.Sync.Files;

/// <summary>
/// Files NightLeg writes for the user (captures, exports, ground truth): never onto a folder or into
/// a missing one, never over a file that is not of the same kind (it is left byte for byte as it
/// was), and written to a temporary name in the same folder then moved into place, so a failure
/// leaves nothing half-written behind. Health data is written owner-only.
/// </summary>
public static class OutputFile
{
    /// <summary>
    /// Checks that <paramref name="path"/> may be (over)written with a <paramref name="what"/>:
    /// throws <see cref="FileRefusedException"/> naming the path and the problem otherwise.
    /// <paramref name="isSameKind"/> looks at the start of an existing non-empty file.
    /// </summary>
    public static string Check(string path, string what, Func<Stream, bool> isSameKind)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new FileRefusedException($"{full} is a folder; give a file name for the {what}");
        }

        var folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder))
        {
            throw new FileRefusedException($"{full}: the folder {folder} does not exist");
        }

        if (UnixFile.IsSpecial(full))
        {
            // A named pipe would block the read below (and the write) for ever.
            throw new FileRefusedException($"{full} is not a regular file (a named pipe, socket or device); give a file name for the {what}");
        }

        if (File.Exists(full))
        {
            bool same;
            try
            {
                var info = new FileInfo(full);
                if ((info.Attributes & FileAttributes.Device) != 0 || info.Length == 0 && IsSpecial(full))
                {
                    throw new FileRefusedException($"{full} is not a regular file; give a file name for the {what}");
                }

                using var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1);
                same = stream.Length == 0 || isSameKind(stream);
            }
            catch (Exception e) when (e is IOException and not FileRefusedException or UnauthorizedAccessException)
            {
                throw new FileRefusedException($"{full} cannot be replaced: {DatabaseFile.Reason(e)}", e);
            }

            if (!same)
            {
                throw new FileRefusedException($"{full} exists and is not a {what}; NightLeg has not changed it. Choose another name");
            }
        }

        return full;
    }

    /// <summary>
    /// Writes one or more files together: each to a temporary name, then all moved into place. If any
    /// write fails, no file is left behind (temporary ones deleted) and the exception names the path.
    /// </summary>
    public static void WriteAll(IReadOnlyList<(string Path, Action<Stream> Write)> files, bool ownerOnly)
    {
        foreach (var (path, _) in files)
        {
            RemoveLeftovers(path);
        }

        var temporaries = new List<string>();
        try
        {
            foreach (var (path, write) in files)
            {
                var temporary = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Environment.ProcessId}.partial");
                temporaries.Add(temporary);
                try
                {
                    using var stream = ownerOnly ? OwnerOnly.Create(temporary, 1 << 16) : new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
                    write(stream);
                    stream.Flush(flushToDisk: true);
                }
                catch (Exception e) when (e is IOException and not FileRefusedException or UnauthorizedAccessException)
                {
                    throw new FileRefusedException($"{path} cannot be written: {DatabaseFile.Reason(e)}", e);
                }
            }

            for (var i = 0; i < files.Count; i++)
            {
                try
                {
                    File.Move(temporaries[i], files[i].Path, overwrite: true);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new FileRefusedException($"{files[i].Path} cannot be written: {DatabaseFile.Reason(e)}", e);
                }
            }
        }
        finally
        {
            foreach (var temporary in temporaries)
            {
                try
                {
                    File.Delete(temporary);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Nothing more can be done; the name marks it as a leftover.
                }
            }
        }
    }

    /// <summary>
    /// Removes what an earlier write of <paramref name="path"/> left when it was killed (SIGKILL, a power cut):
    /// <c>.name.&lt;pid&gt;.partial</c> beside it, of a process that no longer runs. Only names NightLeg makes are
    /// touched, only regular files, and never one a running NightLeg is still writing.
    /// </summary>
    public static int RemoveLeftovers(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var prefix = $".{Path.GetFileName(path)}.";
        var removed = 0;
        if (!Directory.Exists(folder))
        {
            return 0;
        }

        foreach (var leftover in Directory.EnumerateFiles(folder, prefix + "*.partial"))
        {
            var pidText = Path.GetFileName(leftover)[prefix.Length..^".partial".Length];
            if (!int.TryParse(pidText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid) ||
                pid == Environment.ProcessId || IsRunning(pid) || new FileInfo(leftover).LinkTarget is not null || UnixFile.IsSpecial(leftover))
            {
                continue;
            }

            try
            {
                File.Delete(leftover);
                removed++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Not ours to fight over: it stays, marked by its name.
            }
        }

        return removed;
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The first <paramref name="bytes"/> bytes of a stream as text (for recognising a file's kind).</summary>
    public static string Head(Stream stream, int bytes)
    {
        var buffer = new byte[bytes];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return System.Text.Encoding.UTF8.GetString(buffer, 0, read);
    }

    /// <summary>True when a stream starts with <paramref name="prefix"/> (ASCII).</summary>
    public static bool StartsWith(Stream stream, string prefix)
    {
        var expected = System.Text.Encoding.ASCII.GetBytes(prefix);
        var buffer = new byte[expected.Length];
        return stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false) == buffer.Length && buffer.AsSpan().SequenceEqual(expected);
    }

    // /proc and /sys files report a length of 0 but are not empty files one may replace.
    private static bool IsSpecial(string path) =>
        path.StartsWith("/proc/", StringComparison.Ordinal) || path.StartsWith("/sys/", StringComparison.Ordinal) || path.StartsWith("/dev/", StringComparison.Ordinal);
}
