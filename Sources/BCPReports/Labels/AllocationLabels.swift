import BCPAnalysis
import BCPText
/// Labels of the allocation check's privacy modes (`allocation.privacy.`, suppression notes),
/// kept beside the check; every other label comes from `Labels`. `text` looks here first.
/// AllocationSuppressionTests checks that every key has both languages.
public enum AllocationLabels {
    public static let table: [String: [Language: String]] = [
        "allocation.param.privacy": [.ja: "秘匿処理", .en: "Privacy"],
        "allocation.privacy.suppressed": [
            .ja: "少数の秘匿あり（公開用）：1人以上{1}人未満の患者数は「{0}」、{1}人未満の患者から算出した数（必要台数・不足・費用・基準との差）は「x」と表示（基準の評価そのもの、不足か足りるかは示します）。合計からの引き算で分からないよう、ほかの数を10人幅の範囲または「x」とする場合があります（区市町村より先に圏域の数を範囲にします）。人口・基準台数・保有台数・基準までの不足と費用は秘匿しません。",
            .en: "small counts suppressed (public): patient counts from 1 to below {1} are shown as \"{0}\"; figures from fewer than {1} patients (batteries needed, gaps, their cost, the verdict's difference) as \"x\" (the verdict itself, under-provides or suffices, is shown); where a sum would give one away, another cell is shown as a band of ten or \"x\" (areas before municipalities). Population, standard, units held and the shortfall against the standard with its cost are never hidden.",
        ],
        "allocation.privacy.exact": [
            .ja: "秘匿なし（--exact）【取扱注意】：患者数を秘匿せずに表示しています。患者名簿を扱う職員だけが使い、公開・配布しないでください。",
            .en: "exact (--exact), RESTRICTED: patient counts are not suppressed. Only for officials who hold the patient roster; do not publish or circulate.",
        ],
        "allocation.privacy.synthetic": [
            .ja: "秘匿なし（合成データ：実在の人物はいません。--suppress 10 で実データと同じ秘匿処理）",
            .en: "not suppressed (synthetic data: no real person; --suppress 10 applies the rule for real data)",
        ],
        "allocation.privacy.short.synthetic": [.ja: "秘匿なし（合成データ）", .en: "not suppressed (synthetic data)"],
        "allocation.privacy.restrictedTitle": [.ja: "【取扱注意・秘匿なし】{0}", .en: "RESTRICTED, unsuppressed: {0}"],
        "allocation.privacy.short.suppressed": [.ja: "秘匿あり（しきい値{0}）", .en: "suppressed (threshold {0})"],
        "allocation.privacy.short.exact": [.ja: "秘匿なし（取扱注意）", .en: "exact (RESTRICTED)"],
        "allocation.col.privacy": [.ja: "秘匿処理", .en: "Privacy"],
        "allocation.note.suppression": [
            .ja: "患者に関する数は、互いに計算できるものをまとめて秘匿します：対象患者数・目標未満の患者・必要台数を秘匿した行では、発電機で充足する分・不足・その費用・基準との差も「x」です。発電機を割り当てる患者が少数の行では不足と費用を、基準台数の発電機を割り当てる患者が少数の行では基準との差を「x」とします。基準の評価（不足か足りるか）は区市町村の基準についての判定で、人数ではないため常に示します。",
            .en: "Patient figures that can be worked out from one another are hidden together: where patients, patients below target or batteries needed are hidden, so are the batteries covered by held generators, the gap, its cost and the verdict's difference. Where held generators go to few patients, the gap and its cost are \"x\"; where the standard's generators would go to few patients, the verdict's difference is \"x\". The verdict itself (under-provides or suffices) is a statement about the municipality's standard, not a count of people, and is always shown.",
        ],
        "allocation.note.rankingSuppressed": [
            .ja: "必要台数に対する不足を表示している区市町村だけを大きい順に順位付け（同数はコード順）。不足を秘匿した区市町村は順位を付けず（「-」）、コード順で後に並べます。並び順から秘匿した数が分からないようにするためです。",
            .en: "Only municipalities whose need gap is shown are ranked, largest first (ties by code). Those whose gap is hidden follow unranked (\"-\") in code order, so that the order gives no hidden number away.",
        ],
    ]

    /// `table`'s label, else `Labels.text` (which shows a missing key as ⟦key⟧).
    public static func text(_ key: String, _ lang: Language, args: [String]) -> String {
        guard var s = table[key]?[lang] else { return Labels.text(key, lang, args: args) }
        for (i, a) in args.enumerated() { s = s.replacingOccurrences(of: "{\(i)}", with: a) }
        return s
    }
}
