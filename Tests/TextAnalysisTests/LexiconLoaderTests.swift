import Testing
@testable import TextAnalysis
#if canImport(Glibc)
import Glibc
#endif

/// A temporary copy of the lexicon folder with one file replaced.
private func folderWith(_ name: String, contents: String) throws -> String {
    var template = Array("/tmp/verbatim-lex-XXXXXX".utf8CString)
    let dir = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
    for f in ["ud-lemmas.tsv", "closed-class.tsv", "lexique.tsv", "dicollecte.tsv", "fold-index.tsv", "housing.tsv",
              "sms.tsv", "ud-ambclass.tsv", "ud-suffix.tsv", "ud-upos-ngrams.tsv", "multiwords.tsv", "stopwords.txt",
              "context-rules.tsv", "spelling-index.tsv"] {
        #expect(symlink(SharedLexicon.folder.hasPrefix("/") ? SharedLexicon.folder + "/" + f
                        : String(cString: getcwd(nil, 0)) + "/" + SharedLexicon.folder + "/" + f, dir + "/" + f) == 0
                || f == name)
    }
    unlink(dir + "/" + name)
    let fp = fopen(dir + "/" + name, "w")!
    fputs(contents, fp)
    fclose(fp)
    return dir
}

@Suite struct LexiconLoaderTests {
    @Test func loadsAndReportsTime() {
        let lex = SharedLexicon.lexicon
        #expect(lex.loadSeconds > 0)
        #expect(lex.loadSeconds < 5)
    }

    @Test func malformedRowNamesFileAndLine() throws {
        // Header, two good rows, then a row with 3 columns on line 4.
        let dir = try folderWith("closed-class.tsv", contents: "# form\tlemma\tupos\tweight\nau\tà\tADP\t2\nde\tde\tADP\t2\nle\tle\tDET\n")
        #expect {
            _ = try FrenchLexicon(directory: dir)
        } throws: { error in
            let e = error as? LexiconError
            return e?.line == 4 && e?.file.hasSuffix("closed-class.tsv") == true
                && e!.description.hasSuffix("closed-class.tsv:4: expected 4 tab-separated columns, found 3")
        }
    }

    @Test func unknownTagNamesFileAndLine() throws {
        let dir = try folderWith("closed-class.tsv", contents: "# form\tlemma\tupos\tweight\nau\tà\tADP\t2\nde\tde\tPREP\t2\n")
        #expect(throws: LexiconError(file: dir + "/closed-class.tsv", line: 3, message: "unknown UPOS 'PREP'")) {
            _ = try FrenchLexicon(directory: dir)
        }
    }

    @Test func unsortedTableIsAnError() throws {
        let dir = try folderWith("closed-class.tsv", contents: "# h\nle\tle\tDET\t2\nde\tde\tADP\t2\n")
        #expect(throws: LexiconError(file: dir + "/closed-class.tsv", line: 3,
                                     message: "rows not sorted bytewise by their first column")) {
            _ = try FrenchLexicon(directory: dir)
        }
    }

    @Test func unknownTagIsAnError() throws {
        let dir = try folderWith("closed-class.tsv", contents: "# h\nle\tle\tDETERMINER\t2\n")
        #expect(throws: LexiconError.self) { _ = try FrenchLexicon(directory: dir) }
    }

    @Test func missingFolderIsAnError() {
        #expect(throws: LexiconError.self) { _ = try FrenchLexicon.locate(explicit: "/nonexistent/lexicons") }
    }

    // Binary search edge cases, through lookups: first row of the table, last row, a key that is a
    // prefix of others, absent keys before the first and after the last row.
    @Test func lookupsAtTableEdges() throws {
        let cc = "# h\na\tavoir\tAUX\t2\nau\tà\tADP\t2\naux\tà\tADP\t2\nzut\tzut\tINTJ\t2\n"
        let dir = try folderWith("closed-class.tsv", contents: cc)
        let l = FrenchLemmatizer(lexicon: try FrenchLexicon(directory: dir))
        #expect(l.lemmatize(forms: ["a"])[0].source.contains(.ud))             // "a" is in UD too
        #expect(l.lemmatize(forms: ["au"])[0].lemma == "à")
        #expect(l.lemmatize(forms: ["aux"])[0].lemma == "à")
        let zut = l.lemmatize(forms: ["il", "dit", "zut"])[2]
        #expect(zut.lemma == "zut")
        #expect(!zut.isGuess)
    }
}

@Suite struct ContextRuleTableTests {
    @Test func aBadConditionNamesItsLine() throws {
        let dir = try folderWith("context-rules.tsv", contents: "# h\nété\t*\ten\t*\tNOUN\tex\nferme\t*\tLa\t*\tNOUN\tex\n")
        #expect(throws: LexiconError(file: dir + "/context-rules.tsv", line: 3,
                                     message: "condition item 'La' is neither a lowercase word, a UPOS name, ^ nor $")) {
            _ = try FrenchLexicon(directory: dir)
        }
    }

    @Test func anUnknownTagNamesItsLine() throws {
        let dir = try folderWith("context-rules.tsv", contents: "# h\nété\t*\ten\t*\tNOM\tex\n")
        #expect(throws: LexiconError(file: dir + "/context-rules.tsv", line: 2, message: "unknown UPOS 'NOM'")) {
            _ = try FrenchLexicon(directory: dir)
        }
    }

    @Test func conditions() throws {
        let c = try ContextRule.Condition("!PRON|ne|^", file: "f", line: 1)
        #expect(c.holds(word: "pour", tag: UPOS.adp.rawValue))
        #expect(!c.holds(word: "il", tag: UPOS.pron.rawValue))
        #expect(!c.holds(word: "ne", tag: UPOS.adv.rawValue))
        #expect(!c.holds(word: nil, tag: nil))
        let any = try ContextRule.Condition("*", file: "f", line: 1)
        #expect(any.holds(word: nil, tag: nil))
    }
}
