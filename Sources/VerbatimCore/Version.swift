/// The tool's version, recorded in runs and printed by `--version`.
public enum VerbatimVersion {
    public static let string = "0.1.0"
}
