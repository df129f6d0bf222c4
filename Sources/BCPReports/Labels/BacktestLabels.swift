import BCPText

/// Labels of `bcpsim backtest` (`backtest.`), merged into `Labels.table`.
public enum BacktestLabels {
    public static let table: [String: [Language: String]] = [
        "backtest.title": [.ja: "バックテスト：実際の災害の記録とモデルの比較", .en: "Backtest: the model against real events"],
        "backtest.intro": [
            .ja: "実際の停電を再現したシナリオを、それぞれ{0}回（乱数シードを変えて）実行し、公表された記録と比べました。モデルの値は全回の合計から求めた割合です。許容範囲は記録の前後に置いた幅で、記録が「以下」の場合は0から、「以上」の場合は100%までです。",
            .en: "Each scenario plays a real outage and is run {0} times (different seeds); its outcomes are compared with the published record. The model's value is the share over all runs together. The band is set around the record, from 0 for \"at most\" records and up to 100% for \"at least\" ones.",
        ],
        "backtest.summary.pass": [.ja: "{0}項目すべてが許容範囲に入りました。", .en: "All {0} figures are inside their bands."],
        "backtest.summary.passKnown": [.ja: "{1}項目のうち{0}項目が許容範囲に入り、外れた項目はすべて既知の差です。", .en: "{0} of {1} figures are inside their bands; the others are known gaps."],
        "backtest.summary.known": [
            .ja: "（既知の差{0}項目：モデルが扱っていない仕組みによるもので、理由を下に記しています）",
            .en: " (Known gaps: {0}. Each is a mechanism the model leaves out, explained below.)",
        ],
        "backtest.knownGap": [.ja: "既知の差", .en: "known gap"],
        "backtest.knownGaps": [.ja: "既知の差（モデルが扱っていない仕組み）", .en: "Known gaps (mechanisms the model leaves out)"],
        "backtest.summary.fail": [.ja: "{1}項目のうち{0}項目が許容範囲を外れました。", .en: "{0} of {1} figures are outside their bands."],
        "backtest.scenario": [.ja: "シナリオ", .en: "Scenario"],
        "backtest.runsLabel": [.ja: "実行", .en: "Runs"],
        "backtest.event": [.ja: "災害", .en: "Event"],
        "backtest.runs": [.ja: "{0}人の患者（合成名簿）、{1}回の実行（シード{2}から）", .en: "{0} patients (synthetic roster), {1} runs (seeds from {2})"],
        "backtest.col.figure": [.ja: "項目", .en: "Figure"],
        "backtest.col.devices": [.ja: "対象の機器", .en: "Devices"],
        "backtest.col.model": [.ja: "モデル", .en: "Model"],
        "backtest.col.record": [.ja: "記録", .en: "Record"],
        "backtest.col.band": [.ja: "許容範囲", .en: "Band"],
        "backtest.col.result": [.ja: "判定", .en: "Result"],
        "backtest.col.counted": [.ja: "件数（全回）", .en: "Counted (all runs)"],
        "backtest.col.source": [.ja: "出典", .en: "Source"],
        "backtest.pass": [.ja: "合格", .en: "pass"],
        "backtest.fail": [.ja: "不合格", .en: "FAIL"],
        "backtest.allDevices": [.ja: "すべて", .en: "all"],
        "backtest.within": [.ja: "（停電から{0}時間以内）", .en: " (within {0} h of the outage)"],
        "backtest.noneCounted": [.ja: "該当なし", .en: "none counted"],
        "backtest.sources": [.ja: "出典", .en: "Sources"],
        "backtest.readme": [
            .ja: "記録と仮定の区別、名簿の作り方は各シナリオのREADME.mdと docs/BACKTEST.md にあります。",
            .en: "Each scenario's README.md and docs/BACKTEST.md say which inputs are records and which are assumptions, and how the roster is made.",
        ],
    ]
}
