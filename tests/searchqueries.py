"""What staff type into the site's search, each query with the page it must bring: one list, typed in
Chromium by the browser tests (tests/test_search_browser.py holds them to the bar below, tests/test_browser.py
the first-three ones). Names with and without diacritics, partial names, abbreviations, months and years in
the forms staff type, document numbers and references."""

# (query, the page it must bring, whether that page must always be among the first three results: the
# cases the search was first made for, with and without diacritics, months as staff type them, and
# abbreviations both ways)
QUERIES = [
    ("so tu phap", "co-quan/so-tu-phap/", True),
    ("Sở Tư pháp", "co-quan/so-tu-phap/", False),
    ("cong an tinh", "co-quan/cong-an-tinh/", True),
    ("Công an tỉnh", "co-quan/cong-an-tinh/", True),
    ("van phong ubnd", "co-quan/van-phong-ubnd-tinh/", False),
    ("UBND tinh", "co-quan/ubnd-tinh/", False),
    ("BHXH", "co-quan/bao-hiem-xa-hoi-tinh/", True),
    ("LĐTBXH", "co-quan/so-lao-dong-thuong-binh-xa-hoi/", True),
    ("TT&TT", "co-quan/so-thong-tin-truyen-thong/", True),
    ("so y te", "co-quan/so-y-te/", False),
    ("dien luc", "co-quan/dien-luc-dak-nong/", True),
    ("bien phong", "co-quan/bo-chi-huy-bien-phong-tinh/", False),
    ("so giao duc", "co-quan/so-giao-duc-dao-tao/", False),
    ("GD&ĐT", "co-quan/so-giao-duc-dao-tao/", False),
    ("KH&ĐT", "co-quan/so-ke-hoach-dau-tu/", False),
    ("tai nguyen moi truong", "co-quan/so-tai-nguyen-moi-truong/", False),
    ("dang ky khai sinh", "thu-tuc/9/", True),
    ("Đăng ký khai sinh", "thu-tuc/9/", True),
    ("khai tu", "thu-tuc/10/", False),
    ("đăng ký thường trú", "thu-tuc/3/", True),
    ("tam tru", "thu-tuc/4/", False),
    ("ket hon", "thu-tuc/11/", False),
    ("ho chieu", "thu-tuc/12/", False),
    ("CCCD", "thu-tuc/2/", True),
    ("can cuoc cong dan", "thu-tuc/2/", True),
    ("trung hoc pho thong", "thu-tuc/21/", True),
    ("thang 3/2022", "thoi-han/2022-03/", True),
    ("tháng 5/2022", "thoi-han/2022-05/", True),
    ("thang 5 2022", "thoi-han/2022-05/", True),
    ("3/2022", "thoi-han/2022-03/", False),
    ("T3/2022", "thoi-han/2022-03/", False),
    ("năm 2023", "thoi-han/2023/", True),
    ("nam 2022", "thoi-han/2022/", False),
    ("468/QĐ-TTg", "van-ban/qd-468-qd-ttg-2021/", False),
    ("06/QĐ-TTg", "van-ban/qd-06-qd-ttg-2022/", False),
    ("luat can cuoc cong dan", "van-ban/luat-can-cuoc-cong-dan-2014/", False),
    ("137/2015/NĐ-CP", "van-ban/nd-137-2015-nd-cp/", False),
    ("bao ve du lieu ca nhan", "van-ban/nghi-dinh-bao-ve-du-lieu-ca-nhan/", False),
    ("II.2.đ", "nhiem-vu/2-dd/", False),
    ("PL II-16", "nhiem-vu/phu-luc-16/", False),
    ("cong dan so", "muc-tieu/cong-dan-so/", False),
    ("CMND", "thu-tuc/1/", False),
    ("VNeID", "nhiem-vu/2-h/", False),  # the task of rolling out the app
    ("T5/2022", "thoi-han/2022-05/", False),
    ("05/2022", "thoi-han/2022-05/", False),
    ("thang 12 2022", "thoi-han/2022-12/", False),
    ("khai sinh", "thu-tuc/9/", False),
    ("dang ky xe", "thu-tuc/7/", False),
    ("II.2.d", "nhiem-vu/2-d/", False),
    ("cong an tinh lam dong", "co-quan/cong-an-tinh-lam-dong/", False),  # a body formed since (successors.yaml)
    ("tien do", "thoi-han/tien-do/", False),
    ("doi chieu", "doi-chieu/", False),
]
EVERYDAY = [(query, page) for query, page, _ in QUERIES]
FIRST_THREE = [(query, page) for query, page, always in QUERIES if always]

# A second set, written after the first was tuned against, none of whose queries the tests had used:
# names by their initials and their everyday short forms, procedures by the words staff use, documents
# by their numbers. Held to the same bar.
NEW_QUERIES = [
    ("SNV", "co-quan/so-noi-vu/"),
    ("SKHĐT", "co-quan/so-ke-hoach-dau-tu/"),
    ("SKHDT", "co-quan/so-ke-hoach-dau-tu/"),
    ("STNMT", "co-quan/so-tai-nguyen-moi-truong/"),
    ("SGTVT", "co-quan/so-giao-thong-van-tai/"),
    ("SNN&PTNT", "co-quan/so-nong-nghiep-phat-trien-nong-thon/"),
    ("SKHCN", "co-quan/so-khoa-hoc-cong-nghe/"),
    ("BCHQS tinh", "co-quan/bo-chi-huy-quan-su-tinh/"),
    ("BHXH tỉnh", "co-quan/bao-hiem-xa-hoi-tinh/"),
    ("BHXH Viet Nam", "co-quan/bao-hiem-xa-hoi-viet-nam/"),
    ("NHNN Việt Nam", "co-quan/ngan-hang-nha-nuoc-viet-nam/"),
    ("VPCP", "co-quan/van-phong-chinh-phu/"),
    ("TTPVHCC", "co-quan/trung-tam-phuc-vu-hanh-chinh-cong/"),
    ("VKSND tỉnh Lâm Đồng", "co-quan/vien-kiem-sat-nhan-dan-tinh-lam-dong/"),
    ("STP Lam Dong", "co-quan/so-tu-phap-lam-dong/"),
    ("bo cong an", "co-quan/bo-cong-an/"),
    ("chu tich ubnd tinh", "co-quan/chu-tich-ubnd-tinh/"),
    ("to cong tac", "co-quan/to-cong-tac-de-an/"),
    ("cuc thue", "co-quan/cuc-thue-tinh/"),
    ("cuc thong ke", "co-quan/cuc-thong-ke-tinh/"),
    ("ngan hang nha nuoc", "co-quan/ngan-hang-nha-nuoc-tinh/"),
    ("vien kiem sat", "co-quan/vien-kiem-sat-tinh/"),
    ("thanh tra tinh", "co-quan/thanh-tra-tinh/"),
    ("so noi vu lam dong", "co-quan/so-noi-vu-lam-dong/"),
    ("ubnd tinh lam dong", "co-quan/ubnd-tinh-lam-dong/"),
    ("tam vang", "thu-tuc/5/"),
    ("luu tru", "thu-tuc/6/"),
    ("bien so xe may", "thu-tuc/7/"),
    ("nop phat giao thong", "thu-tuc/8/"),
    ("con dau", "thu-tuc/13/"),
    ("ly lich tu phap", "thu-tuc/22/"),
    ("tro cap that nghiep", "thu-tuc/23/"),
    ("dang ky thue", "thu-tuc/18/"),
    ("bao hiem y te ho gia dinh", "thu-tuc/17/"),
    ("cap dien moi", "thu-tuc/24/"),
    ("107/2021/NĐ-CP", "van-ban/nd-107-2021-nd-cp/"),
    ("61/2018", "van-ban/nd-61-2018-nd-cp/"),
    ("1911/QĐ-TTg", "van-ban/qd-1911-qd-ttg-2021/"),
    ("nghi quyet 128", "van-ban/nq-128-nq-cp-2021/"),
    ("luat ngan sach", "van-ban/luat-ngan-sach-nha-nuoc-2015/"),
]

# The bar: the expected page among the first three results for 95 % of the queries, and among the
# first ten for every one.
TOP_THREE_SHARE = 0.95
