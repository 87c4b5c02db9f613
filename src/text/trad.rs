//! Traditional characters that statistical prose uses, mapped to their Simplified twins.
//!
//! Mirrors of official releases are often converted to Traditional (`億 萬 佔 為 總額 增長`). The
//! extractor's vocabulary is Simplified, so normalization folds these one character for one.
//! The list is the vocabulary of figures, units, labels and connectives, not a full converter:
//! a character missing here only makes a label read in Traditional, never a wrong number.

/// Traditional characters, in code-point order; `SIMPLIFIED` holds their twins at the same index.
const TRADITIONAL: &[&str] = &[
    "並亞佈佔併來係倉個們倫偉側偵傑備傢傳債傾僅僑價儀億優儲兌兒內兩冊凈凍別刪則剛創劃劇劉",
    "勁動務勞勢勵匯區協卻厲參吳員問啓啟喚單嗎嘆噸嚴國圍園圓圖團執堅報場塊塗墊墾壇壓壞壯壽",
    "夠夢奪奮妝娛婦嬰孫學實寧審寫寬寶將專尋對導屆層屬岡島峽師帶幣幫幾庫廈廚廠廢廣廬廳張強",
    "彈彌彙後徑從復徵徹恆惡惱愛態慣慶憂憲憶應懷懸戀戰戲戶拋挾捨掃掛採揚換損搖搶撐撥擁擇擊",
    "擔據擠擬擴擺攜攝攢攤攬敗敘敵數斂斷於時暢暫曆曉書會東桿條棄棟楊業極榮構槍樂樓標樣樹橋",
    "機橫檔檢櫃欄權歐歡歲歷歸殘殺殼氣決沒沖況淨減測湧準溫滬滿漁漢漲漸漿潔潤澤濃濟濱瀋瀏灑",
    "灣災為無煉煙熱燈燒營爐爭爲爾牆牽犧狀猶獄獎獨獲獸獻現瑩瑪環產産畝畢畫異當療癒發皺盃盜",
    "盡監盤盧眾碩確碼磚礎礙礦禦禮稅種稱穀積穎穩窩窮竇競筆筍節範築簡籌粵糧紀約紅納純級紛紡",
    "紮細紹終組結絕絡給統綁經綜綠維綱網綿緊緒線緣編緩縣縫縮總績織繞繩繹繼續纖缽罰罷羅義習",
    "翹聖聞聯聲聳職肅脅脫腦腳膠膽臟臨臺與興舉舊艙艦艱莊莖華萬葉蓋蓮蔣蕩蕭薦薩藍藝藥蘇蘭處",
    "虛號虧蝦蟲術衛衝裏補裝製複襲見規視親覺覽觀觸訂計訊訓託記訪設許診証詐評詞詢試詩話該詳",
    "誇誌認語誠誤說誰課調談請論諮諸諾謀謂謎謝謠證識譜譯議護譽讀變讓讚豈豎豐豬貝負財貢貧貨",
    "販貫責貴買貸費貼貿賀資賓賠賣賦質賬賭賴賺購賽贈贊贏趕趙趨跡踐蹤躍車軋軌軍軟軸較載輔輕",
    "輛輝輩輪輯輸輿轄轉辦辭農迴這連週進遊運過達遙遞遠適遲遷選遺遼邁還邊郵鄉鄧鄭鄰醜醫釋針",
    "釣鈔鈴鉅銀銷鋁鋒鋪鋼錄錢錦錫錯錶鍊鍋鍵鎊鎖鎮鏈鏡鐘鐵鑒長門閃閉開閑閒間閘閱闆闊關陝陣",
    "陰陳陸陽隊階際隨險隱隻雖雙雜雞離難雲電霧靈靜鞏韌韓韻響頁頂頃項順須預頒頓頗領頭頻題額",
    "顏願類顧顯風颱飄飛飢飯飲飽飾餅養餘館饋馬駁駐騰驅驗驚驟骯髒體髮鬆鬥鬧魚魯鮮鳥鳳鴻鹽麗",
    "麥麼黃點黨齊齒齡龍龐龜",
];
const SIMPLIFIED: &[&str] = &[
    "并亚布占并来系仓个们伦伟侧侦杰备家传债倾仅侨价仪亿优储兑儿内两册净冻别删则刚创划剧刘",
    "劲动务劳势励汇区协却厉参吴员问启启唤单吗叹吨严国围园圆图团执坚报场块涂垫垦坛压坏壮寿",
    "够梦夺奋妆娱妇婴孙学实宁审写宽宝将专寻对导届层属冈岛峡师带币帮几库厦厨厂废广庐厅张强",
    "弹弥汇后径从复征彻恒恶恼爱态惯庆忧宪忆应怀悬恋战戏户抛挟舍扫挂采扬换损摇抢撑拨拥择击",
    "担据挤拟扩摆携摄攒摊揽败叙敌数敛断于时畅暂历晓书会东杆条弃栋杨业极荣构枪乐楼标样树桥",
    "机横档检柜栏权欧欢岁历归残杀壳气决没冲况净减测涌准温沪满渔汉涨渐浆洁润泽浓济滨沈浏洒",
    "湾灾为无炼烟热灯烧营炉争为尔墙牵牺状犹狱奖独获兽献现莹玛环产产亩毕画异当疗愈发皱杯盗",
    "尽监盘卢众硕确码砖础碍矿御礼税种称谷积颖稳窝穷窦竞笔笋节范筑简筹粤粮纪约红纳纯级纷纺",
    "扎细绍终组结绝络给统绑经综绿维纲网绵紧绪线缘编缓县缝缩总绩织绕绳绎继续纤钵罚罢罗义习",
    "翘圣闻联声耸职肃胁脱脑脚胶胆脏临台与兴举旧舱舰艰庄茎华万叶盖莲蒋荡萧荐萨蓝艺药苏兰处",
    "虚号亏虾虫术卫冲里补装制复袭见规视亲觉览观触订计讯训托记访设许诊证诈评词询试诗话该详",
    "夸志认语诚误说谁课调谈请论咨诸诺谋谓谜谢谣证识谱译议护誉读变让赞岂竖丰猪贝负财贡贫货",
    "贩贯责贵买贷费贴贸贺资宾赔卖赋质账赌赖赚购赛赠赞赢赶赵趋迹践踪跃车轧轨军软轴较载辅轻",
    "辆辉辈轮辑输舆辖转办辞农回这连周进游运过达遥递远适迟迁选遗辽迈还边邮乡邓郑邻丑医释针",
    "钓钞铃巨银销铝锋铺钢录钱锦锡错表炼锅键镑锁镇链镜钟铁鉴长门闪闭开闲闲间闸阅板阔关陕阵",
    "阴陈陆阳队阶际随险隐只虽双杂鸡离难云电雾灵静巩韧韩韵响页顶顷项顺须预颁顿颇领头频题额",
    "颜愿类顾显风台飘飞饥饭饮饱饰饼养余馆馈马驳驻腾驱验惊骤肮脏体发松斗闹鱼鲁鲜鸟凤鸿盐丽",
    "麦么黄点党齐齿龄龙庞龟",
];

/// The Simplified twin of a Traditional character, or the character itself.
pub fn simplify(c: char) -> char {
    use std::sync::OnceLock;
    /// The pairs, sorted by the traditional form, and a bit per character of the Basic
    /// Multilingual Plane that is set for the traditional forms: most characters of a draft
    /// have none, and the bit says so without the binary search.
    type Table = (Vec<(char, char)>, Vec<u64>);
    static TABLE: OnceLock<Table> = OnceLock::new();
    let (table, traditional) = TABLE.get_or_init(|| {
        let trad = TRADITIONAL.iter().flat_map(|s| s.chars());
        let simp = SIMPLIFIED.iter().flat_map(|s| s.chars());
        let table: Vec<(char, char)> = trad.zip(simp).collect();
        let mut bits = vec![0u64; 0x10000 / 64];
        for &(t, _) in &table {
            if let Some(word) = bits.get_mut(t as usize / 64) {
                *word |= 1 << (t as usize % 64);
            }
        }
        (table, bits)
    });
    let i = c as usize;
    if traditional
        .get(i / 64)
        .is_some_and(|w| w & (1 << (i % 64)) == 0)
    {
        return c;
    }
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
