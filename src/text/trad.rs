//! Traditional characters that statistical prose uses, mapped to their Simplified twins.
//!
//! Mirrors of official releases are often converted to Traditional (`億 萬 佔 為 總額 增長`). The
//! extractor's vocabulary is Simplified, so normalization folds these one character for one.
//! The list is the vocabulary of figures, units, labels and connectives, not a full converter:
//! a character missing here only makes a label read in Traditional, never a wrong number.

/// Traditional characters, in code-point order; `SIMPLIFIED` holds their twins at the same index.
const TRADITIONAL: &[&str] = &[
    "並佈佔來倉個們倫偉側偵傑備傳債傾僅僑價儀億優儲兌兒內兩凈凍別則剛創劃劇勁動務勞勢",
    "勵匯區協厲參吳員問喚單嗎嘆噸嚴國圍圓圖團執堅報場塊塗墊壓壞壯夢奪奮婦嬰實寧寶將專",
    "尋對導屆層屬岡島峽幣幫庫廠廢廣廬廳張強彈彌彙後徑從徵徹恆惡惱態慶憂憶應懷懸戀戰戲",
    "戶拋挾捨掃掛揚換損搖搶撥擁擇擊擔據擠擬擴擺攜攝攤敗敘敵數斂斷於時暢暫曆曉書會東條",
    "棄棟楊業極榮構槍樂樓標樣樹橋機檢櫃欄權歐歡歲歷歸殘殺殼氣決淨減準滬滿漁漢漲漿潔潤",
    "澤濃濟濱瀋灑灣災為無煙熱燈燒營爐爭牆牽犧狀猶獄獎獨獲獸現瑩瑪環產畝畫異當療癒發皺",
    "盃盜盡監盤盧眾碩確碼磚礎礙礦禦禮稅種稱穀積穩窩窮竇競筆筍節範築簡粵糧紀約紅納純級",
    "紛紡紮細紹終組結絕絡給統綁經綜綠維綱網綿緊緒線緣編緩縣縫縮總績織繩繼續纖缽罰罷羅",
    "義習翹聖聞聯聲聳職肅脅脫腦腳膠膽臟臨臺與興舉舊艙艦艱莊莖華萬葉蓋蔣薦薩藍藝藥蘇蘭",
    "處虛號虧蝦蟲術衛衝裏補裝製複襲見規視親覺覽觀觸訂計訊訓託記訪設許証詐評詞詢試詩詳",
    "誇誌認語誠誤說誰課調談請論諮諾謀謂謎謝證識譜譯議護讀變讓讚豈豎豐豬貝負貢貧貨販貫",
    "貴買貸費貼貿賀資賓賠賣賦質賬賴賺購賽贈贊贏趕趙趨跡踐蹤躍車軌軍軟軸較載輔輕輛輝輩",
    "輪輯輸轄轉辦辭農迴這連週進遊運過達遙遞遠適遷選遺邁還邊郵鄉鄭鄰醜醫釋針釣鈔鈴鉅銀",
    "銷鋁鋒鋪鋼錄錢錦錯錶鍊鍋鍵鎊鎖鎮鏈鐘鐵鑒長門閃閉開閒間閘閱闆闊關陝陣陰陳陸陽隊階",
    "際隨險隱隻雖雙雜雞離難雲電霧靈靜韌韓韻響頁頂項順須預頒頓頗領頭頻題額顏願類顧顯風",
    "颱飄飛飢飯飲飽飾餅養餘館馬駐騰驅驗驚骯髒體髮鬆鬥鬧魚魯鮮鳥鳳鴻鹽麗麥麼黃點黨齊齒",
    "齡龍龐龜",
];
const SIMPLIFIED: &[&str] = &[
    "并布占来仓个们伦伟侧侦杰备传债倾仅侨价仪亿优储兑儿内两净冻别则刚创划剧劲动务劳势",
    "励汇区协厉参吴员问唤单吗叹吨严国围圆图团执坚报场块涂垫压坏壮梦夺奋妇婴实宁宝将专",
    "寻对导届层属冈岛峡币帮库厂废广庐厅张强弹弥汇后径从征彻恒恶恼态庆忧忆应怀悬恋战戏",
    "户抛挟舍扫挂扬换损摇抢拨拥择击担据挤拟扩摆携摄摊败叙敌数敛断于时畅暂历晓书会东条",
    "弃栋杨业极荣构枪乐楼标样树桥机检柜栏权欧欢岁历归残杀壳气决净减准沪满渔汉涨浆洁润",
    "泽浓济滨沈洒湾灾为无烟热灯烧营炉争墙牵牺状犹狱奖独获兽现莹玛环产亩画异当疗愈发皱",
    "杯盗尽监盘卢众硕确码砖础碍矿御礼税种称谷积稳窝穷窦竞笔笋节范筑简粤粮纪约红纳纯级",
    "纷纺扎细绍终组结绝络给统绑经综绿维纲网绵紧绪线缘编缓县缝缩总绩织绳继续纤钵罚罢罗",
    "义习翘圣闻联声耸职肃胁脱脑脚胶胆脏临台与兴举旧舱舰艰庄茎华万叶盖蒋荐萨蓝艺药苏兰",
    "处虚号亏虾虫术卫冲里补装制复袭见规视亲觉览观触订计讯训托记访设许证诈评词询试诗详",
    "夸志认语诚误说谁课调谈请论咨诺谋谓谜谢证识谱译议护读变让赞岂竖丰猪贝负贡贫货贩贯",
    "贵买贷费贴贸贺资宾赔卖赋质账赖赚购赛赠赞赢赶赵趋迹践踪跃车轨军软轴较载辅轻辆辉辈",
    "轮辑输辖转办辞农回这连周进游运过达遥递远适迁选遗迈还边邮乡郑邻丑医释针钓钞铃巨银",
    "销铝锋铺钢录钱锦错表炼锅键镑锁镇链钟铁鉴长门闪闭开闲间闸阅板阔关陕阵阴陈陆阳队阶",
    "际随险隐只虽双杂鸡离难云电雾灵静韧韩韵响页顶项顺须预颁顿颇领头频题额颜愿类顾显风",
    "台飘飞饥饭饮饱饰饼养余馆马驻腾驱验惊肮脏体发松斗闹鱼鲁鲜鸟凤鸿盐丽麦么黄点党齐齿",
    "龄龙庞龟",
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
        assert!(
            trad.windows(2).all(|w| w[0] < w[1]),
            "TRADITIONAL must be sorted, no repeats"
        );
    }
}
