"""Finding out what a file is: its encoding and its real format, from its content.

Articles arrive as whatever people saved: UTF-8 with or without a BOM, UTF-16 from
Windows tools, GB18030/GBK from mainland editors, Big5 from Taiwan, HTML saved as
``.txt``, front matter + HTML bodies scraped from blogs, images renamed by mistake.
The extension is only a hint; the bytes decide. Everything a user can get wrong ends
as one ``ToolkitError`` line naming the file and the problem.

GB18030 and Big5 both decode most short Chinese byte strings without error, and
charset-normalizer (like every statistical detector) is unreliable on a sentence or
two, so when both decode we let the text decide: real text is made of common
characters, a wrong decoding of rare ones.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Union

from ..errors import CorruptDocument, UnreadableInput

_EXT = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html",
        ".xhtml": "html", ".docx": "docx"}

#: refuse anything bigger: nobody's article, and it would only eat memory
MAX_BYTES = 256 * 1024 * 1024
#: how much of the file the detectors look at (decoding always covers all of it)
SAMPLE = 64 * 1024
#: a .docx must not expand beyond this, nor any member by more than this ratio
DOCX_MAX_UNCOMPRESSED = 512 * 1024 * 1024
DOCX_MAX_RATIO = 200

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

#: signatures of files people rename to .txt/.md by mistake; checked before decoding
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "an image (PNG)"),
    (b"\xff\xd8\xff", "an image (JPEG)"),
    (b"GIF87a", "an image (GIF)"),
    (b"GIF89a", "an image (GIF)"),
    (b"II*\x00", "an image (TIFF)"),
    (b"MM\x00*", "an image (TIFF)"),
    (b"\x00\x00\x01\x00", "an image (ICO)"),
    (b"%PDF-", "a PDF file"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office file (.doc/.xls); save it as .docx"),
    (b"\x7fELF", "a program (ELF)"),
    (b"{\\rtf", "an RTF file; save it as .docx or .txt"),
)

#: the 2000 most frequent characters, most frequent first (summed word frequencies of
#: jieba's dictionary); a right decoding is made of them, a wrong one of rare ones
_FREQUENT_HANS = (
    "一是人了不在有大中国和为这上他个地年来我会以到时要出的生学说道民家子也成行下们于后就发自之对得主长可过天作分方用多你着部"
    "能市等业全里工公经本都而高政法面门动日进区事代那去心小同北定开产前其军还然起种所如现理机体表力好外与文当两实重新三么只山"
    "水关明从化平建又制南内西没此将员名手最东头者月间无安看见各城十相但已些正口通想度加第她合院物性战由位常点海意场武使次二向"
    "治因立数样身情入原问把路被并利石老教万知级量任江及应省资委务元美特期世湖回系比气汉总展电科金先声提品设或义王社很统处四首"
    "共马形己儿司太目基领队直计别女权话少流命至报米给打变果书清活几州华解议更称程今决张导术府才保交放管结师便走达族反再题色五"
    "京河接条规式县白它改风光运信受什组听布百济党指论强做取技黄神选记斯真却职号界件花类何眼兵传带空干农边据集联古广完质阳难增"
    "历史专官每住商即步认车台林必死游举线言皇土团收考求德叫近备研争非具李众连调感转笑革该持始英克士尔让拉思根格造较际亲单朝红"
    "型价校约器字段周亚深候则功属积快图火千准究往极育装许参半令吃观鱼精办像帝八复影告远群包整构料随划算象容示投势热值夫网望源"
    "息语股铁断派速怎需片爱律纪支早况病境证编越局推满且列觉服双未居除乐企引标确织初青志率项飞球节察龙响药站施均消客失轻存低甚"
    "般击曾防请离落显罗营足素视护副食创余照兴占巴虽洲村费易试星木黑左宝置跟央识维采六底宫房音环案批切斗富乡另倒若按查故突责严"
    "桥模仅胜杀围席态破承招杨负层须父供续状域似依银范修找九致密终血旅钱赛独细效玉冲获习医演毛尽脸弹楼艺航陆右协七攻镇检写苏宗"
    "章注阿抗弟坐验封紧劳户优财养适陈喜卫排射哥油刻留急降念云微伤例景拿绝阶座刘刚害印亿沙母酒助闻超审待压升送监策略限竟香配藏"
    "敌呢差仍兰温园树征善波哪词岛止预怕继皮执味份角草男普答益谁船惊核街夏宣掌田久著画辑奇尼剑吧谈背免孩礼材愿洋春架筑括晚乱乎"
    "讲尚良友临激刀夜室既敢邦挥昌板胡欧福港叶简苦担句岁荆贵娘守辖威宜衣帮块堂额错剧充欢够孙班呼阵销坚练脚退读测吴希宁换版异某"
    "顾曲楚典朱毒菜判救宋茶洪含顺啊鲜败货矿端兄归冷忙买险康评肉吗厂永哈沉散遗停笔假输牛洞松渐顶训录否述毕督控丰献姑忽爷互亮纳"
    "襄登咱钟伯臣雄季脑介鄂召饭暗扩祖齐短烈赶牌恩诉移诗础露届蒙静喝盘卖植授伊湾博痛减穿逐秘庭陵固禁票灵杂姓泽吸侧庆妈遇追甲馆"
    "补唐炮沿殿刺怪彩俄旧警索岸轮妇载靠附毫怀软骨探雷旁罪枪牙迎序慢盛雨墙恶谷顿危稳熟概酸操诸绿佛荣针托宽折野付午肯库厚缺罢耳"
    "屋嘴末谢巨培页瓦款犯困店智拥雪翻圣戏旗吉婚奖岩疑币圆歌廷健卡烧析讨跑烟误仙疗舞亡闭汽伸脱秋姐繁侵川莫麻秀借寻私岗卷跳丽横"
    "驻套兼您君丁束纸夺袁灯坏坦丝径购阴床瞧择墓宪峰遍鲁庙掉丹桃御舰避售怒课播拔奥延虚隐粮络遭摇潜庄混厅婆奴鼓赵访睡震予童徐韦"
    "殖抓拜吨扬址洛休纵逃染纷贸透汇灭蛋森仪塔距狐融郡缓聚盖拍迹忠释润粉涓孔岭搜紫虑促抵钢塞寺津液码虎坛珍硬梁奔累役偏迫锛凡损"
    "壁哭替税综伦冰盟挂韩竞乌尤弱铺妹秦尊竹珠迅脉泥鬼纯睛刑途隆潮幅杯握谋剂幸奉乘抱朋谓频崇壮骑紝恐享鸡虫绍铜呈泛械摆欲奶敬措"
    "爆暴签猛郭嘉障缩亦废搞胞埃曰撤暖寒订俗绩阻盐萨勒忘奏孝贴灰梅触玩默醒胸莲篇柱裁啦淡抢捕闹纺截讯朗誉雅忍梦伙勇峡徒丈尾迷唱"
    "泉泰佳残闪伍呀疾署剩贼冠倾豆申贫诺麦泪羊尖辈镜涉贡爹缘摩妻殊贝零映甘骂糖岳饮奋棉雕跃汗冒渡努赞启阁斤裂患伏池鹿洗劲晋倍圈"
    "媒箭沟锋胆凭挑抬闯隔弄曹汤苗迁叹唯振储贯彻桌祭符僧衡炸旋喊凤黎郎援肥磁忌赏辽祥董仁辛瑞询敏浪貌毁昨巧腿抽荷陷焦净腹弃乃湘"
    "亩滑狗冬宏皆番尸伟桂览恢龄绕趣晶坡魏摸伴墨浓绪舍蓝荡阅井鸿旦惯症鸟窗扎辞聘穷堰宇键荒递恨隶厉杜闲腰袭侍灾涨叔湿寨幕豪郑磨"
    "浮薄券赤腐译租氧戴邓煤肠牧孤诏妙旨堡册锅胖柳阔吹丘趋锦颜悬陶拳诚尺晓插蒋艇勤穴摄燕垂罚辆戒稀腾粗袋绘炎氏肩枝狂泊估杭扑臂"
    "哲寡偷懂琴悲盾炒稍矛愈籍颁吐呆违亭眉撞贷刊巡屈堆曼饰碎滚悉寄浜迟描污辅魔烦鼻盗餐幼凉仗冈澳驾銆菌肚肃爸仰抚慈扶盆仿炼纲倘"
    "碗杰忧惜扫暂祝跨渔宾漫寿猪涌凝邻赴恰劝仇践顷赋悄莱拟贤愤姆乏轰粒逼傅陕昆溶葬燃魂挺腊耐犹辉乳陪颇斜棋殑熊浅沈姊返翼丧拖惨"
    "俊驱袖惠涂添牵咸详碰割侯纤柔档糊岂跪拒覆绣吓宿偶揭赖烤卢娃颗邮扇伐循衰弦凯羽枚帅锁疏搭俱帐胶赫鐨埋蒸壳剉彼脏箱浙弯瓜挡拱"
    "筹疆肿膜刷杆凶债甜泡玄贾谱夹乾遣薪灌咬尘填廊钻丛狼牢脊熙卒碑漠躲削徽踏贺朵遵狠菲撒扰蛇锡炉纹匹亏鉴慕跌慌穆邀芳爬豫吾奸棒"
    "淮捷耕艘齿醉脂兽滴盈卵滋柴溪妃浠碍瓶辩遂怨拨肌俘挖恒励鸣肝腔偿秒拦允塑拆靖耗凌披胁吏纽烂尝垸辟耶艰佩敦疼荐厘匠柏悠壤拾乔"
    "轴妖喷掩璃孟轨歇猜晨坊桑堤畅瞎氨辨鞋昏恭畜浩迪雾丢咨擦窝洁飘捉搬奈肤愁砖辣幽嘛赢藕挤舒狮耀诊扣篮尿唤梯勾霍舌侠筋枢屏衙殷"
    "栏纠链恋惧笼寸冶弥晃叙吊哩稿娜剥拼欺榜囊汪逆骗堪猎棺胎俩郊掘匆缝乙藻携慧函辱扯嫩癌悟滩祸秉慰驰狱砍糕漏吞纬茅渠催踪叛浑牲"
    "杖鞭腺邪欣汝碳彭咐椒绳颈漆遥夷郁斑忆阀卑"
)

#: the same characters in traditional form (OpenCC s2tw), aligned with _FREQUENT_HANS
_FREQUENT_HANT = (
    "一是人了不在有大中國和為這上他個地年來我會以到時要出的生學說道民家子也成行下們於後就發自之對得主長可過天作分方用多你著部"
    "能市等業全裡工公經本都而高政法面門動日進區事代那去心小同北定開產前其軍還然起種所如現理機體表力好外與文當兩實重新三麼只山"
    "水關明從化平建又制南內西沒此將員名手最東頭者月間無安看見各城十相但已些正口通想度加第她合院物性戰由位常點海意場武使次二向"
    "治因立數樣身情入原問把路被並利石老教萬知級量任江及應省資委務元美特期世湖回系比氣漢總展電科金先聲提品設或義王社很統處四首"
    "共馬形己兒司太目基領隊直計別女權話少流命至報米給打變果書清活幾州華解議更稱程今決張導術府才保交放管結師便走達族反再題色五"
    "京河接條規式縣白它改風光運信受什組聽布百濟黨指論強做取技黃神選記斯真卻職號界件花類何眼兵傳帶空幹農邊據集聯古廣完質陽難增"
    "歷史專官每住商即步認車臺林必死遊舉線言皇土團收考求德叫近備研爭非具李眾連調感轉笑革該持始英克士爾讓拉思根格造較際親單朝紅"
    "型價校約器字段周亞深候則功屬積快圖火千準究往極育裝許參半令吃觀魚精辦像帝八復影告遠群包整構料隨劃算象容示投勢熱值夫網望源"
    "息語股鐵斷派速怎需片愛律紀支早況病境證編越局推滿且列覺服雙未居除樂企引標確織初青志率項飛球節察龍響藥站施均消客失輕存低甚"
    "般擊曾防請離落顯羅營足素視護副食創餘照興佔巴雖洲村費易試星木黑左寶置跟央識維採六底宮房音環案批切鬥富鄉另倒若按查故突責嚴"
    "橋模僅勝殺圍席態破承招楊負層須父供續狀域似依銀範修找九致密終血旅錢賽獨細效玉衝獲習醫演毛盡臉彈樓藝航陸右協七攻鎮檢寫蘇宗"
    "章注阿抗弟坐驗封緊勞戶優財養適陳喜衛排射哥油刻留急降念雲微傷例景拿絕階座劉剛害印億沙母酒助聞超審待壓升送監策略限竟香配藏"
    "敵呢差仍蘭溫園樹徵善波哪詞島止預怕繼皮執味份角草男普答益誰船驚核街夏宣掌田久著畫輯奇尼劍吧談背免孩禮材願洋春架築括晚亂乎"
    "講尚良友臨激刀夜室既敢邦揮昌板胡歐福港葉簡苦擔句歲荊貴娘守轄威宜衣幫塊堂額錯劇充歡夠孫班呼陣銷堅練腳退讀測吳希寧換版異某"
    "顧曲楚典朱毒菜判救宋茶洪含順啊鮮敗貨礦端兄歸冷忙買險康評肉嗎廠永哈沉散遺停筆假輸牛洞松漸頂訓錄否述畢督控豐獻姑忽爺互亮納"
    "襄登咱鍾伯臣雄季腦介鄂召飯暗擴祖齊短烈趕牌恩訴移詩礎露屆蒙靜喝盤賣植授伊灣博痛減穿逐秘庭陵固禁票靈雜姓澤吸側慶媽遇追甲館"
    "補唐炮沿殿刺怪彩俄舊警索岸輪婦載靠附毫懷軟骨探雷旁罪槍牙迎序慢盛雨牆惡谷頓危穩熟概酸操諸綠佛榮針托寬折野付午肯庫厚缺罷耳"
    "屋嘴末謝巨培頁瓦款犯困店智擁雪翻聖戲旗吉婚獎巖疑幣圓歌廷健卡燒析討跑煙誤仙療舞亡閉汽伸脫秋姐繁侵川莫麻秀借尋私崗卷跳麗橫"
    "駐套兼您君丁束紙奪袁燈壞坦絲徑購陰床瞧擇墓憲峰遍魯廟掉丹桃御艦避售怒課播拔奧延虛隱糧絡遭搖潛莊混廳婆奴鼓趙訪睡震予童徐韋"
    "殖抓拜噸揚址洛休縱逃染紛貿透匯滅蛋森儀塔距狐融郡緩聚蓋拍跡忠釋潤粉涓孔嶺搜紫慮促抵鋼塞寺津液碼虎壇珍硬梁奔累役偏迫錛凡損"
    "壁哭替稅綜倫冰盟掛韓競烏尤弱鋪妹秦尊竹珠迅脈泥鬼純睛刑途隆潮幅杯握謀劑幸奉乘抱朋謂頻崇壯騎紝恐享雞蟲紹銅呈泛械擺欲奶敬措"
    "爆暴籤猛郭嘉障縮亦廢搞胞埃曰撤暖寒訂俗績阻鹽薩勒忘奏孝貼灰梅觸玩默醒胸蓮篇柱裁啦淡搶捕鬧紡截訊朗譽雅忍夢夥勇峽徒丈尾迷唱"
    "泉泰佳殘閃伍呀疾署剩賊冠傾豆申貧諾麥淚羊尖輩鏡涉貢爹緣摩妻殊貝零映甘罵糖嶽飲奮棉雕躍汗冒渡努贊啟閣斤裂患伏池鹿洗勁晉倍圈"
    "媒箭溝鋒膽憑挑抬闖隔弄曹湯苗遷嘆唯振儲貫徹桌祭符僧衡炸旋喊鳳黎郎援肥磁忌賞遼祥董仁辛瑞詢敏浪貌毀昨巧腿抽荷陷焦淨腹棄乃湘"
    "畝滑狗冬宏皆番屍偉桂覽恢齡繞趣晶坡魏摸伴墨濃緒舍藍蕩閱井鴻旦慣症鳥窗扎辭聘窮堰宇鍵荒遞恨隸厲杜閒腰襲侍災漲叔溼寨幕豪鄭磨"
    "浮薄券赤腐譯租氧戴鄧煤腸牧孤詔妙旨堡冊鍋胖柳闊吹丘趨錦顏懸陶拳誠尺曉插蔣艇勤穴攝燕垂罰輛戒稀騰粗袋繪炎氏肩枝狂泊估杭撲臂"
    "哲寡偷懂琴悲盾炒稍矛愈籍頒吐呆違亭眉撞貸刊巡屈堆曼飾碎滾悉寄浜遲描汙輔魔煩鼻盜餐幼涼仗岡澳駕銆菌肚肅爸仰撫慈扶盆仿煉綱倘"
    "碗傑憂惜掃暫祝跨漁賓漫壽豬湧凝鄰赴恰勸仇踐頃賦悄萊擬賢憤姆乏轟粒逼傅陝昆溶葬燃魂挺臘耐猶輝乳陪頗斜棋殑熊淺沈姊返翼喪拖慘"
    "俊驅袖惠塗添牽鹹詳碰割侯纖柔檔糊豈跪拒覆繡嚇宿偶揭賴烤盧娃顆郵扇伐循衰弦凱羽枚帥鎖疏搭俱帳膠赫鐨埋蒸殼剉彼髒箱浙彎瓜擋拱"
    "籌疆腫膜刷杆兇債甜泡玄賈譜夾乾遣薪灌咬塵填廊鑽叢狼牢脊熙卒碑漠躲削徽踏賀朵遵狠菲撒擾蛇錫爐紋匹虧鑑慕跌慌穆邀芳爬豫吾奸棒"
    "淮捷耕艘齒醉脂獸滴盈卵滋柴溪妃浠礙瓶辯遂怨撥肌俘挖恆勵鳴肝腔償秒攔允塑拆靖耗凌披脅吏紐爛嘗垸闢耶艱佩敦疼薦釐匠柏悠壤拾喬"
    "軸妖噴掩璃孟軌歇猜晨坊桑堤暢瞎氨辨鞋昏恭畜浩迪霧丟諮擦窩潔飄捉搬奈膚愁磚辣幽嘛贏藕擠舒獅耀診扣籃尿喚梯勾霍舌俠筋樞屏衙殷"
    "欄糾鏈戀懼籠寸冶彌晃敘吊哩稿娜剝拼欺榜囊汪逆騙堪獵棺胎倆郊掘匆縫乙藻攜慧函辱扯嫩癌悟灘禍秉慰馳獄砍糕漏吞緯茅渠催蹤叛渾牲"
    "杖鞭腺邪欣汝碳彭咐椒繩頸漆遙夷鬱斑憶閥卑"
)


def _weights() -> dict[str, float]:
    """Character -> 1.0 (most frequent) .. ~0 (2000th); traditional forms share the weight."""
    weights: dict[str, float] = {}
    for rank, (hans, hant) in enumerate(zip(_FREQUENT_HANS, _FREQUENT_HANT, strict=True)):
        weight = 1.0 - rank / len(_FREQUENT_HANS)
        weights.setdefault(hans, weight)
        weights.setdefault(hant, weight)
    return weights


_WEIGHTS = _weights()

#: C0 control bytes that never occur in text (tab, newlines, form feed, escape do)
_CONTROL_BYTES = bytes(b for b in range(0x20) if b not in (0x09, 0x0A, 0x0C, 0x0D, 0x1B))
#: punctuation of Chinese text; a wrong decoding turns it into symbols or Hangul
_CJK_PUNCTUATION = frozenset("，。、；：？！“”‘’「」『』（）《》〈〉【】…—·")

_UTF8_DECLARATION = re.compile(
    rb"""<meta[^>]{0,200}charset\s*=\s*["']?\s*utf-?8|<\?xml[^>]{0,100}encoding\s*=\s*["']utf-?8|^\s*(?:#\s*-\*-\s*)?(?:encoding|charset)\s*[:=]\s*["']?utf-?8""",
    re.IGNORECASE | re.MULTILINE,
)
_FRONT_MATTER = re.compile(r"\A\s*---[ \t]*\r?\n.*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_HTML_START = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])", re.IGNORECASE | re.DOTALL)
_ATX = re.compile(r"^#{1,6}[ \t]+\S", re.MULTILINE)
_HINT_TAG = re.compile(r"^\{%-?\s*hint\b", re.MULTILINE)
_HTML_TAG = re.compile(r"<(?:p|div|h[1-6]|br|table|ul|ol|li|blockquote|section|article|span|img)(?:\s[^>]*)?/?>", re.IGNORECASE)


@dataclass(frozen=True)
class Loaded:
    """A file's content ready for a reader: text (bytes for docx), format, encoding."""

    content: Union[str, bytes]
    format: str
    encoding: str | None


def load(path: Path, *, format: str | None = None) -> Loaded:
    """Read ``path`` and decide its encoding and real format.

    Raises:
        UnreadableInput: empty, too big, binary, an image, or undecodable text.
        CorruptDocument: a .docx that is truncated, damaged or a zip bomb.
    """
    name = str(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise UnreadableInput(f"cannot read ({exc.strerror or exc})", path=name) from None
    if size == 0:
        raise UnreadableInput("empty file", path=name)
    if size > MAX_BYTES:
        raise UnreadableInput(f"file is {size / 2**20:.0f} MB; articles larger than {MAX_BYTES // 2**20} MB are refused", path=name)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableInput(f"cannot read ({exc.strerror or exc})", path=name) from None
    fmt = _EXT.get(f".{format.lower()}", format) if format else _EXT.get(path.suffix.lower())
    if fmt == "docx" or data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return Loaded(check_docx(data, name=name, expected=fmt == "docx"), "docx", None)
    text, encoding = decode_bytes(data, path=name)
    if not text.strip():
        raise UnreadableInput("empty file (only whitespace)", path=name)
    if fmt is None or fmt == "txt":
        fmt = sniff_text_format(text)
    elif fmt == "md" and _HTML_START.match(text[:8192].lstrip("\ufeff")):
        fmt = "html"  # a whole HTML page saved as .md
    return Loaded(text, fmt, encoding)


def check_docx(data: bytes, *, name: str | None = None, expected: bool = True) -> bytes:
    """Make sure ``data`` is a .docx that is safe to open; return it unchanged.

    The zip directory is checked before python-docx (lxml) ever inflates a member, so
    a truncated download or a zip bomb renamed .docx is refused cheaply.
    """
    if not data.startswith(b"PK"):
        what = _magic(data)
        if what:
            raise CorruptDocument(f"not a .docx: the file is {what}", path=name)
        raise CorruptDocument("not a .docx (it is not a zip archive)", path=name)
    import io

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise CorruptDocument(f"truncated or damaged .docx ({exc})", path=name) from None
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > 10 * 2**20 and info.compress_size and info.file_size / info.compress_size > DOCX_MAX_RATIO:
            raise CorruptDocument(
                f"refused: '{info.filename}' would expand {info.file_size / info.compress_size:.0f}x to "
                f"{info.file_size / 2**20:.0f} MB (zip bomb?)", path=name)
    if total > DOCX_MAX_UNCOMPRESSED:
        raise CorruptDocument(f"refused: would expand to {total / 2**20:.0f} MB (zip bomb?)", path=name)
    names = {info.filename for info in infos}
    if "word/document.xml" not in names:
        if not expected:
            raise UnreadableInput("a zip archive, not an article", path=name)
        raise CorruptDocument("not a Word document (no word/document.xml in the archive)", path=name)
    bad = _first_bad_member(archive)
    if bad:
        raise CorruptDocument(f"truncated or damaged .docx ({bad})", path=name)
    return data


def _first_bad_member(archive: zipfile.ZipFile) -> str | None:
    """Check the members python-docx needs; None when they read back intact (CRC ok)."""
    for member in ("[Content_Types].xml", "word/document.xml"):
        try:
            with archive.open(member) as fh:
                while fh.read(1 << 20):
                    pass
        except KeyError:
            return f"missing {member}"
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
            return f"{member}: {exc}"
        except Exception as exc:  # noqa: BLE001 - zlib.error and friends
            return f"{member}: {exc}"
    return None


def _magic(data: bytes) -> str | None:
    for signature, what in _MAGIC:
        if data.startswith(signature):
            return what
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "an image (WebP)"
    if data[4:8] == b"ftyp":
        brand = data[8:12]
        return "an image (HEIC/AVIF)" if brand in (b"heic", b"heix", b"mif1", b"avif") else "a video or audio file"
    if data[:2] == b"BM" and len(data) > 26 and data[6:10] == b"\x00\x00\x00\x00":
        return "an image (BMP)"
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "a zip archive"
    return None


def decode_bytes(data: bytes, *, path: str | None = None) -> tuple[str, str]:
    """Decode article bytes; return ``(text, encoding name)``.

    Order: a BOM decides; known binary signatures and NUL-laden bytes are refused;
    valid UTF-8 is UTF-8; a file that declares UTF-8 (or is UTF-8 up to a bad byte)
    but has invalid bytes is an error that says where; otherwise GB18030 or Big5
    (by which decoding gives common characters), else charset-normalizer's guess.

    Raises:
        UnreadableInput: binary, an image, or no encoding fits.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec.replace("-sig", "")), codec
            except UnicodeDecodeError as exc:
                label = "UTF-8" if codec == "utf-8-sig" else codec.upper()
                raise UnreadableInput(f"starts with a {label} byte-order mark but has invalid bytes at "
                                      f"{_where(data, exc.start + len(bom))}", path=path) from None
    what = _magic(data)
    if what:
        raise UnreadableInput(f"not text: the file is {what}", path=path)
    head = data[:SAMPLE]
    nuls = head.count(0)
    if nuls:
        utf16 = _utf16_without_bom(head)
        if utf16:
            try:
                return data.decode(utf16), utf16
            except UnicodeDecodeError:
                pass
        if nuls > max(2, len(head) // 1000):
            raise UnreadableInput("binary file, not text", path=path)
        # a few stray NULs (a careless export) in otherwise good text: drop them
        data = data.replace(b"\x00", b"")
        head = data[:SAMPLE]
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if controls > len(head) // 10:
        raise UnreadableInput("binary file, not text", path=path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = exc
    else:
        if not text.isascii() and max(text) < "\u0800":
            # Only 2-byte sequences (Latin/Cyrillic/Greek ... letters, no CJK): a short
            # GB18030/Big5 text can look like that (业业 = D2B5D2B5). Common Chinese
            # characters from a legacy decoding win; real Latin/Cyrillic text gives rare ones.
            best = _best_legacy(data)
            if best is not None and best[0] >= 0.5:
                return best[2], best[1]
        return text, "utf-8"
    declared = _UTF8_DECLARATION.search(data[: min(len(data), 4096)])
    if declared is not None:
        said = declared.group(0).decode("ascii", "replace").strip().lower()
        where = "in <meta charset>" if said.startswith("<meta") else "in its XML declaration" if said.startswith("<?xml") else "in an encoding line"
        raise UnreadableInput(f"declares UTF-8 ({where}) but has invalid UTF-8 at {_where(data, bad.start)}", path=path)
    declared_other = _declared_charset(data[: min(len(data), 4096)])
    if declared_other is not None:
        try:
            return data.decode(declared_other), declared_other
        except (UnicodeDecodeError, LookupError):
            pass  # a wrong declaration: let the content decide
    if _looks_like_broken_utf8(data, bad.start):
        raise UnreadableInput(f"UTF-8 text with invalid bytes at {_where(data, bad.start)}", path=path)
    return _decode_legacy(data, path=path)


_CHARSET = re.compile(rb"""<meta[^>]{0,200}charset\s*=\s*["']?\s*([A-Za-z0-9_-]{2,20})|<\?xml[^>]{0,100}encoding\s*=\s*["']([A-Za-z0-9_-]{2,20})""",
                      re.IGNORECASE)
#: declared names -> the codec that reads them (GB18030 is a superset of GBK and GB2312)
_CHARSET_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "gb18030": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030",
                    "big5": "big5", "big5-hkscs": "big5hkscs", "cp950": "cp950", "x-big5": "big5"}


def _declared_charset(head: bytes) -> str | None:
    """A non-UTF-8 charset an HTML/XML file declares (``<meta charset=gbk>``), as a codec."""
    match = _CHARSET.search(head)
    if match is None:
        return None
    name = (match.group(1) or match.group(2)).decode("ascii").lower()
    if name.replace("-", "") == "utf8":
        return None
    return _CHARSET_ALIASES.get(name)


def _where(data: bytes, offset: int) -> str:
    """Where a bad byte is, as a person finds it: line and character column."""
    line = data.count(b"\n", 0, offset) + 1
    start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[start:offset].decode("utf-8", errors="replace")) + 1
    return f"line {line}, column {column} (byte {offset}: 0x{data[offset]:02X})"


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 without BOM: NULs on one side of most byte pairs (ASCII-heavy text)."""
    even = head[0::2].count(0)
    odd = head[1::2].count(0)
    pairs = max(1, len(head) // 2)
    if odd > pairs * 0.3 and even < pairs * 0.02:
        return "utf-16-le"
    if even > pairs * 0.3 and odd < pairs * 0.02:
        return "utf-16-be"
    return None


def _looks_like_broken_utf8(data: bytes, bad: int) -> bool:
    """True when the bytes before the first invalid one are clearly UTF-8 text.

    Legacy Chinese encodings almost never form long runs of valid multi-byte UTF-8,
    so 20+ multi-byte characters before the error mean a damaged UTF-8 file (better
    named as such than silently read as GB18030 mojibake).
    """
    prefix = data[max(0, bad - 4096): bad]
    text = prefix.decode("utf-8", errors="ignore")
    return sum(1 for ch in text if ord(ch) > 0x7F) >= 20


def _best_legacy(data: bytes) -> tuple[float, str, str] | None:
    """(commonness, encoding, text) of the better of GB18030 and Big5, if either decodes.

    The score is discounted when the other decoding is nearly as plausible, so an
    ambiguous string (a few rare characters) is left to charset-normalizer.
    """
    candidates: list[tuple[float, str, str]] = []
    for name, codecs in (("gb18030", ("gb18030",)), ("big5", ("big5", "cp950"))):
        for codec in codecs:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                continue
            candidates.append((_commonness(text), name, text))
            break
    if not candidates:
        return None
    # max() keeps the first of equal scores: a tie goes to GB18030
    best = max(candidates, key=lambda c: c[0])
    second = max((c[0] for c in candidates if c is not best), default=0.0)
    if best[0] < 0.25 and best[0] >= 2 * second and best[0] > 0:
        best = (0.25, best[1], best[2])  # few rare characters, but the other reading is far worse
    return best


def _decode_legacy(data: bytes, *, path: str | None) -> tuple[str, str]:
    best = _best_legacy(data)
    if best is not None and best[0] >= 0.25:
        return best[2], best[1]
    from charset_normalizer import from_bytes

    best = from_bytes(data[:SAMPLE]).best()
    if best is not None:
        try:
            return data.decode(best.encoding), best.encoding.replace("_", "-")
        except (UnicodeDecodeError, LookupError):
            pass
    if best is not None:
        return best[2], best[1]
    raise UnreadableInput("cannot tell the text encoding (not UTF-8, UTF-16, GB18030 or Big5)", path=path)


def _commonness(text: str) -> float:
    """Mean frequency weight of the Han characters (first 20k) and CJK punctuation; 0 without."""
    han = 0
    common = 0.0
    for ch in text[:20000]:
        if "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff":
            han += 1
            common += _WEIGHTS.get(ch, 0.0)
        elif ch in _CJK_PUNCTUATION:
            han += 1
            common += 1.0
        elif "\ue000" <= ch <= "\uf8ff":  # private use: never real text
            han += 1
    return common / han if han else 0.0


def sniff_text_format(text: str) -> str:
    """txt, md or html, from the content of a text file.

    Front matter means Markdown (its body may be raw HTML, which the Markdown reader
    hands to the HTML reader); a document that starts as HTML, or text dense with
    block tags, is HTML; text that opens with a ``# title`` line, or has several
    ``#`` headings or a ``{% hint %}`` block, is Markdown; anything else is plain text
    (plain-text articles never start lines with ``#``, so this cannot steal them).
    """
    head = text.lstrip("\ufeff")[:8192]
    if _FRONT_MATTER.match(head) or _HINT_TAG.search(head):
        return "md"
    if _ATX.match(head.lstrip()) or len(_ATX.findall(head)) >= 2:
        return "md"
    if _HTML_START.match(head):
        return "html"
    stripped = head.lstrip()
    if stripped.startswith("<"):
        lines = [line for line in head.splitlines() if line.strip()]
        tagged = sum(1 for line in lines if _HTML_TAG.search(line))
        if lines and tagged >= max(2, len(lines) // 3):
            return "html"
    return "txt"
