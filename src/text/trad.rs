//! Traditional characters that statistical prose uses, mapped to their Simplified twins.
//!
//! Mirrors of official releases are often converted to Traditional (`億 萬 佔 為 總額 增長`). The
//! extractor's vocabulary is Simplified, so normalization folds these one character for one.
//! The list is the vocabulary of figures, units, labels and connectives, not a full converter:
//! a character missing here only makes a label read in Traditional, never a wrong number.

/// Traditional characters, in code-point order; `SIMPLIFIED` holds their twins at the same index.
const TRADITIONAL: &[&str] = &[
    "並佈佔來倉個們備傳僅價億優儲內兩凈創動務勞勢匯區協員問單國圍團報場實專對屆島幣廠",
    "廣張強彈後徑從徵態應戰戶擁擔據擬擴敗數斷於時書會東條業極構樓標樣機檢權歐歲歷歸殘",
    "氣決淨減準滿漁漢漲潤濟灣災為無燈燒營牆狀猶獎獲現環產畝當療發盡監盤確碼礎礦稅種積",
    "穩競筆節築簡糧紀約紅納純級紡細終組結絕給統經綜綠維網緊線縣總績織繼續罰義聯聲職肅",
    "脫腦膠臺與興舉舊艦莊華萬藝藥蘭處號虧術衛衝裏補裝製複規視親覺覽觀觸訂計訊記設許評",
    "詢試詳誌認語說課調談請論謝證識議護讀變讓豐豬貝負貢貧貨販貴買貸費貼貿資賓賣賦質購",
    "賽贈趨跡車軍軟較載輕輛輪輸轉辦農這連週進遊運過達遠適選遺邁還邊鄉鄰醫釋針釣鈔銀銷",
    "鋁鋼錄錢錯鍵鎮鏈鐵長門閉開間閱關陸陽隊際隨險隻雙雜離難雲電靈韓響項順須預頒領頭頻",
    "題額願類顯風飛飯飲養餘館馬驅驗體髮鬆魚鳥麥黃點齊齡龍",
];
const SIMPLIFIED: &[&str] = &[
    "并布占来仓个们备传仅价亿优储内两净创动务劳势汇区协员问单国围团报场实专对届岛币厂",
    "广张强弹后径从征态应战户拥担据拟扩败数断于时书会东条业极构楼标样机检权欧岁历归残",
    "气决净减准满渔汉涨润济湾灾为无灯烧营墙状犹奖获现环产亩当疗发尽监盘确码础矿税种积",
    "稳竞笔节筑简粮纪约红纳纯级纺细终组结绝给统经综绿维网紧线县总绩织继续罚义联声职肃",
    "脱脑胶台与兴举旧舰庄华万艺药兰处号亏术卫冲里补装制复规视亲觉览观触订计讯记设许评",
    "询试详志认语说课调谈请论谢证识议护读变让丰猪贝负贡贫货贩贵买贷费贴贸资宾卖赋质购",
    "赛赠趋迹车军软较载轻辆轮输转办农这连周进游运过达远适选遗迈还边乡邻医释针钓钞银销",
    "铝钢录钱错键镇链铁长门闭开间阅关陆阳队际随险只双杂离难云电灵韩响项顺须预颁领头频",
    "题额愿类显风飞饭饮养余馆马驱验体发松鱼鸟麦黄点齐龄龙",
];

/// The Simplified twin of a Traditional character, or the character itself.
pub fn simplify(c: char) -> char {
    use std::sync::OnceLock;
    static TABLE: OnceLock<Vec<(char, char)>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let trad = TRADITIONAL.iter().flat_map(|s| s.chars());
        let simp = SIMPLIFIED.iter().flat_map(|s| s.chars());
        trad.zip(simp).collect()
    });
    match table.binary_search_by_key(&c, |p| p.0) {
        Ok(i) => table[i].1,
        Err(_) => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statistical_vocabulary_reads_simplified() {
        let trad = "億萬佔為總額增長百分點進出口";
        let simp: String = trad.chars().map(simplify).collect();
        assert_eq!(simp, "亿万占为总额增长百分点进出口");
    }

    #[test]
    fn table_is_sorted_and_paired() {
        let trad: Vec<char> = TRADITIONAL.iter().flat_map(|s| s.chars()).collect();
        let simp: Vec<char> = SIMPLIFIED.iter().flat_map(|s| s.chars()).collect();
        assert_eq!(trad.len(), simp.len());
        assert!(trad.windows(2).all(|w| w[0] < w[1]), "TRADITIONAL must be sorted, no repeats");
    }
}
